/** `/mlops promote <deployment> <version> to <env>`: opens a promotion pull request on the config repo, or comments why not. */
import { type PromotionRequest, preparePromotion } from '../../compiler/promote/prepare-promotion.ts';
import { type CommandHandler, isNameWord } from './command-handler.ts';
import type { PromoteDependencies } from './dependencies.ts';
import { answerRefusal, openChange } from './open-change.ts';

const USAGE = '/mlops promote <deployment> <version> to <env>';

/** The promote command handler. */
export const promoteCommand: CommandHandler<PromotionRequest, PromoteDependencies> = {
  name: 'promote',
  usage: USAGE,
  summary: 'Open a pull request that moves a model version into the next environment, once it has soaked where it comes from.',
  parse(args) {
    const [deployment, version, to, environment] = args;
    if (args.length !== 4 || to !== 'to' || !isNameWord(deployment) || !isNameWord(version) || !isNameWord(environment)) {
      return { usageError: `Expected \`${USAGE}\`, e.g. \`/mlops promote fraud-api 1.5.0 to prod\`.` };
    }
    return { request: { deployment, version, environment } };
  },
  async run(request, dependencies) {
    const base = await dependencies.config.defaultBranch();
    const [tree, trail, deployCommits] = await Promise.all([dependencies.config.sourceTreeAt(base.sha), dependencies.trail.read(), dependencies.trail.deployCommits?.()]);
    const result = preparePromotion(request, { tree, trail, ...(deployCommits ? { deployCommits } : {}), now: dependencies.now(), templates: dependencies.templates, requestedBy: `@${dependencies.requestedBy}` });
    if ('refusal' in result) return answerRefusal('promote', result.refusal, dependencies);
    return openChange(result.prepared, base, dependencies);
  },
};
