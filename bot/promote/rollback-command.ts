/** `/mlops rollback <deployment> in <env> [to <deploy id>]`: opens a rollback pull request on the config repo, or comments why not. */
import { locateRollback, prepareRollback, type RollbackRequest } from '../../compiler/promote/prepare-rollback.ts';
import { type CommandHandler, isNameWord } from './command-handler.ts';
import type { PromoteDependencies } from './dependencies.ts';
import { answerRefusal, openChange } from './open-change.ts';

const USAGE = '/mlops rollback <deployment> in <env> [to <deploy id>]';

/** The rollback command handler; a deploy id is the audit `seq` of a deploy (`7` or `#7`). */
export const rollbackCommand: CommandHandler<RollbackRequest, PromoteDependencies> = {
  name: 'rollback',
  usage: USAGE,
  summary: "Open a pull request that restores a deployment's environment block as it was at an earlier deploy.",
  parse(args) {
    const [deployment, keyword, environment, to, id] = args;
    const seq = id === undefined ? undefined : /^#?([1-9][0-9]{0,8})$/.exec(id)?.[1];
    const wellFormed = (args.length === 3 || (args.length === 5 && to === 'to' && seq !== undefined)) && keyword === 'in' && isNameWord(deployment) && isNameWord(environment);
    if (!wellFormed) return { usageError: `Expected \`${USAGE}\`, e.g. \`/mlops rollback fraud-api in prod\` or \`/mlops rollback fraud-api in prod to 7\`.` };
    return { request: { deployment, environment, ...(seq !== undefined ? { toSeq: Number(seq) } : {}) } };
  },
  async run(request, dependencies) {
    const base = await dependencies.config.defaultBranch();
    const [tree, trail] = await Promise.all([dependencies.config.sourceTreeAt(base.sha), dependencies.trail.read()]);
    const located = locateRollback(request, tree, trail);
    if ('refusal' in located) return answerRefusal('rollback', located.refusal, dependencies);
    const earlierText = await dependencies.config.readFileAt(located.located.target.source.sha, located.located.file);
    const result = prepareRollback(located.located, { tree, earlierText, templates: dependencies.templates, requestedBy: `@${dependencies.requestedBy}` });
    if ('refusal' in result) return answerRefusal('rollback', result.refusal, dependencies);
    return openChange(result.prepared, base, dependencies);
  },
};
