/**
 * Test support: the smallest Probot app that exercises the operations pieces on their own (the real
 * bot lives in bot/app.ts): on `pull_request.opened` it creates one check run, unless the PR title
 * starts with "crash", in which case the handler throws.
 */
import type { ApplicationFunction } from 'probot';

/** What the minimal app saw, so tests can tell whether a delivery reached it. */
export interface MinimalAppProbe {
  deliveriesSeen: string[];
}

/** A minimal app and the probe it reports into. */
export function minimalApp(): { appFunction: ApplicationFunction; probe: MinimalAppProbe } {
  const probe: MinimalAppProbe = { deliveriesSeen: [] };
  const appFunction: ApplicationFunction = (app) => {
    app.on('pull_request.opened', async (context) => {
      probe.deliveriesSeen.push(context.id);
      if (context.payload.pull_request.title.startsWith('crash')) throw new Error('the minimal app crashed on purpose');
      await context.octokit.rest.checks.create(
        context.repo({ name: 'mlops/validate', head_sha: context.payload.pull_request.head.sha, status: 'completed', conclusion: 'success' }),
      );
    });
  };
  return { appFunction, probe };
}
