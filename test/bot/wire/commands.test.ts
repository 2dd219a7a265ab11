import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_MARKER } from '../../../compiler/report/render/render-report.ts';
import { assertAllMocksUsed, TARGET } from '../support/bot-harness.ts';
import { githubApi } from '../support/github-api.ts';
import { branchBody, repositoryBody } from '../support/github-bodies.ts';
import type { Scenario } from '../support/scenario.ts';
import { scenario } from '../support/scenario.ts';
import { commentPayload } from '../support/webhook-payloads.ts';
import { deployedWorld } from './support/deployed-world.ts';

let world: Scenario | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function comment(current: Scenario, body: string, id = 555): Promise<void> {
  await current.bot.deliver('issue_comment', commentPayload(TARGET, 7, 'dana', body, id));
}

/** The repository and its default branch at the base, as the API answers (promote and rollback start there). */
function defaultBranchRoutes(current: Scenario) {
  return githubApi()
    .get('/repos/acme/config').reply(200, repositoryBody('acme', 'config', 'main'))
    .get('/repos/acme/config/branches/main').reply(200, branchBody('main', current.base));
}

describe('/mlops promote, rollback and report through the app', () => {
  it('/mlops help lists them', async () => {
    world = await scenario();
    world.github.permissions.dana = 'write';
    world.github.install(['permission', 'reaction', 'createComment']);
    await comment(world, '/mlops help');
    const body = world.github.comments[0]?.body ?? '';
    for (const usage of ['/mlops plan', '/mlops promote <deployment> <version> to <env>', '/mlops rollback', '/mlops report [--since YYYY-MM-DD]', '/mlops help']) expect(body).toContain(`| \`${usage}`);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('/mlops promote reads the trail of the deploy repo and refuses a version that has not soaked', async () => {
    const deployed = await deployedWorld();
    world = deployed.world;
    world.github.permissions.dana = 'write';
    world.github.install(['permission', 'reaction', 'createComment']);
    const api = defaultBranchRoutes(world);
    await comment(world, '/mlops promote fraud-api 1.5.0 to prod');
    expect(api.pendingMocks()).toEqual([]);
    const reply = world.github.comments.at(-1)?.body ?? '';
    expect(reply).toContain('&#64;dana: <code>/mlops promote</code> refused (<code>ML809</code>): 1.5.0 serves in staging but Argo CD has not reported it synced and healthy in stg-eu');
    expect(world.bot.handled.at(-1)?.outcome).toBe('ran');
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('/mlops rollback with one deploy in the trail: nothing earlier to roll back to', async () => {
    const deployed = await deployedWorld();
    world = deployed.world;
    world.github.permissions.dana = 'write';
    world.github.install(['permission', 'reaction', 'createComment']);
    const api = defaultBranchRoutes(world);
    await comment(world, '/mlops rollback fraud-api in prod');
    expect(api.pendingMocks()).toEqual([]);
    const reply = world.github.comments.at(-1)?.body ?? '';
    expect(reply).toContain('&#64;dana: <code>/mlops rollback</code> refused (<code>ML811</code>): &#96;fraud-api&#96; in prod first came with deploy 1');
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('/mlops report posts the rollout report of the deploy repo as a sticky comment', async () => {
    const deployed = await deployedWorld();
    world = deployed.world;
    world.github.permissions.dana = 'write';
    await world.push({});
    world.github.install(['permission', 'reaction', 'getPull', 'listComments', 'createComment', 'updateComment']);
    await comment(world, '/mlops report');
    await comment(world, '/mlops report', 556);
    const reports = world.github.comments.filter((posted) => posted.body.includes(REPORT_MARKER));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.body).toContain('1 of 1 audit entries in the window, from 1 trail file.');
    expect(assertAllMocksUsed()).toEqual([]);
  });
});
