/**
 * `mlops promote <config-repo> <deployment> <version> --to <env> --deploy-repo <path>`: checks the
 * platform's promotion path against the deploy repo's audit trail (the version healthy in the `from`
 * environment for at least `soak`) and, when it is satisfied, commits the team-file edit on a new
 * branch `mlops/promote-…` of the local config repo and prints the pull request text.
 */
import { readGitTree } from '../git-tree-source.ts';
import { preparePromotion } from '../../promote/prepare-promotion.ts';
import type { CliCommand } from '../command.ts';
import { pathArgument, positionals, requiredFlag } from '../promote/arguments.ts';
import { commitOnNewBranch, openConfigRepo } from '../promote/config-branch.ts';
import { readDeployCommits, readDeployTrail } from '../trail/read-trail.ts';
import { printPrepared, printRefusal } from '../promote/report.ts';
import { readPromoteTemplates } from '../promote/templates.ts';
import { wantsColor } from './validate.ts';

/** The `promote` command. */
export const command: CliCommand = {
  name: 'promote',
  summary: 'Open a promotion: a branch that moves a model version into the next environment, once it has soaked.',
  usage: [
    'Usage: mlops promote <config-repo> <deployment> <version> --to <env> --deploy-repo <path>',
    '',
    '  config-repo    the config repo folder (a git work tree); the branch starts at its HEAD',
    '  deployment     a deployment name, or team/name when two teams use the same name',
    '  version        a version registered in the model\'s `versions`',
    '  --to           the environment to promote into (it must declare `promotion: { from, soak }`)',
    '  --deploy-repo  the deploy repo (a git repo path): its audit/*.jsonl at HEAD says what served where, and how healthy',
    '',
    'Creates branch mlops/promote-<deployment>-<version>-to-<env> with one commit editing the team file',
    '(comments and formatting kept), and prints the pull request text. The working tree is not touched.',
    '',
    'Exit codes: 0 branch created, 1 refused (the reason is printed), 2 usage or I/O error.',
  ].join('\n'),
  options: {
    to: { type: 'string' },
    'deploy-repo': { type: 'string' },
  },
  async run(input, io) {
    const [configArgument, deployment, version] = positionals(input, ['config-repo', 'deployment', 'version'], 'promote');
    const environment = requiredFlag(input, 'to', 'promote', 'env');
    const deployRepo = pathArgument(requiredFlag(input, 'deploy-repo', 'promote', 'path'), io);
    const config = pathArgument(configArgument!, io);
    const repo = await openConfigRepo(config.absolute);
    const tree = await readGitTree(config.absolute, 'HEAD');
    const trail = await readDeployTrail(deployRepo.absolute);
    const deployCommits = await readDeployCommits(deployRepo.absolute);
    const result = preparePromotion({ deployment: deployment!, version: version!, environment }, { tree, trail, deployCommits, now: new Date(), templates: await readPromoteTemplates() });
    if ('refusal' in result) {
      printRefusal('promote', result.refusal, tree, io, wantsColor(io));
      return 1;
    }
    const { prepared } = result;
    const commit = await commitOnNewBranch(repo, prepared.pullRequest.branch, prepared.file, prepared.text, prepared.pullRequest.commitMessage);
    printPrepared(prepared, commit, config.display, prepared.decision.reason, io);
    return 0;
  },
};
