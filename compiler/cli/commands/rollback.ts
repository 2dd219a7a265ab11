/**
 * `mlops rollback <config-repo> <deployment> --env <env> [--to <seq>] --deploy-repo <path>`: finds in
 * the deploy repo's audit trail the deploy to restore (by default the one before the last change of the
 * deployment in that environment), reads the team file at that deploy's source SHA from the config
 * repo's history, and commits the restored environment block on a new branch `mlops/rollback-…`.
 */
import { readGitTree } from '../git-tree-source.ts';
import { locateRollback, prepareRollback } from '../../promote/prepare-rollback.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { pathArgument, positionals, requiredFlag } from '../promote/arguments.ts';
import { commitOnNewBranch, openConfigRepo, readFileAt } from '../promote/config-branch.ts';
import { readDeployTrail } from '../trail/read-trail.ts';
import { printPrepared, printRefusal } from '../promote/report.ts';
import { readPromoteTemplates } from '../promote/templates.ts';
import { wantsColor } from './validate.ts';

function seqOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,8}$/.test(value)) throw new UsageError(`--to needs the seq of a deploy in the audit trail (a positive number); got "${String(value)}".`);
  return Number(value);
}

/** The `rollback` command. */
export const command: CliCommand = {
  name: 'rollback',
  summary: "Open a rollback: a branch that restores a deployment's environment block as it was at an earlier deploy.",
  usage: [
    'Usage: mlops rollback <config-repo> <deployment> --env <env> [--to <seq>] --deploy-repo <path>',
    '',
    '  config-repo    the config repo folder (a git work tree with the history of the deploys); the branch starts at its HEAD',
    '  deployment     a deployment name, or team/name when two teams use the same name',
    '  --env          the environment to roll back',
    '  --to           the audit seq of the deploy to restore (default: the deploy before the last one that changed it there)',
    '  --deploy-repo  the deploy repo (a git repo path) whose audit/*.jsonl at HEAD is read',
    '',
    'Creates branch mlops/rollback-<deployment>-<env>-to-seq-<seq> with one commit restoring the block',
    '(everything else in the team file kept byte for byte), and prints the pull request text.',
    '',
    'Exit codes: 0 branch created, 1 refused (the reason is printed), 2 usage or I/O error.',
  ].join('\n'),
  options: {
    env: { type: 'string' },
    to: { type: 'string' },
    'deploy-repo': { type: 'string' },
  },
  async run(input, io) {
    const [configArgument, deployment] = positionals(input, ['config-repo', 'deployment'], 'rollback');
    const environment = requiredFlag(input, 'env', 'rollback', 'env');
    const toSeq = seqOption(input.values.to);
    const deployRepo = pathArgument(requiredFlag(input, 'deploy-repo', 'rollback', 'path'), io);
    const config = pathArgument(configArgument!, io);
    const repo = await openConfigRepo(config.absolute);
    const tree = await readGitTree(config.absolute, 'HEAD');
    const trail = await readDeployTrail(deployRepo.absolute);
    const located = locateRollback({ deployment: deployment!, environment, ...(toSeq !== undefined ? { toSeq } : {}) }, tree, trail);
    const color = wantsColor(io);
    if ('refusal' in located) {
      printRefusal('rollback', located.refusal, tree, io, color);
      return 1;
    }
    const earlierText = await readFileAt(repo, located.located.target.source.sha, located.located.file);
    const result = prepareRollback(located.located, { tree, earlierText, templates: await readPromoteTemplates() });
    if ('refusal' in result) {
      printRefusal('rollback', result.refusal, tree, io, color);
      return 1;
    }
    const { prepared } = result;
    const commit = await commitOnNewBranch(repo, prepared.pullRequest.branch, prepared.file, prepared.text, prepared.pullRequest.commitMessage);
    printPrepared(prepared, commit, config.display, undefined, io);
    return 0;
  },
};
