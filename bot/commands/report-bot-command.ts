/**
 * `/mlops report` as a command of the bot: `handleReportCommand` with real ports — the deploy repo
 * the pull request's base config names (a leased clone at its branch tip, released afterwards), the
 * bot's Prometheus URL when it has one, and the sticky comment through the event's forge.
 */
import { escapeInline } from '../../compiler/plan/report/escape.ts';
import { leaseDeployRepoOf } from '../deploy/leased-deploy-repo.ts';
import { handleReportCommand } from '../report/report-command.ts';
import type { BotCommand } from './bot-command.ts';

/** `/mlops report [--since YYYY-MM-DD]`. */
export const reportCommand: BotCommand = {
  name: 'report',
  usage: '/mlops report [--since YYYY-MM-DD]',
  summary: 'Post the rollout report of the deploy repo (deploys, lead time, failures, soak, availability).',
  async run({ run, repository, number, args }) {
    const pull = await run.forge.getPullRequest(repository, number);
    await run.dependencies.git.ensureCommits(repository, [{ sha: pull.baseSha, ref: `refs/heads/${pull.baseRef}` }], run.token);
    const deployRepo = await leaseDeployRepoOf(run, await run.dependencies.git.sourceTreeAt(repository, pull.baseSha));
    if (!deployRepo) {
      await run.forge.createComment(repository, number, `No rollout report: platform.yaml on ${escapeInline(pull.baseRef)} declares no \`gitops.deployRepo\`.`);
      return;
    }
    try {
      await handleReportCommand(
        { issueNumber: number, args },
        {
          deployRepoPath: async () => deployRepo.dir,
          ...(run.dependencies.prometheusUrl ? { prometheusUrl: run.dependencies.prometheusUrl } : {}),
          now: run.dependencies.clock,
          async upsertComment(issue, marker, body) {
            const [existing] = await run.forge.findComments(repository, issue, marker);
            if (existing) await run.forge.updateComment(repository, existing.id, body);
            else await run.forge.createComment(repository, issue, body);
          },
        },
      );
    } finally {
      deployRepo.release();
    }
  },
};
