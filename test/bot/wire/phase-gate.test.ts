import { afterEach, describe, expect, it } from 'vitest';
import { assertAllMocksUsed } from '../support/bot-harness.ts';
import { edited, validOrg } from '../support/config-fixture.ts';
import type { Scenario } from '../support/scenario.ts';
import { deployedWorld } from './support/deployed-world.ts';

let world: Scenario | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

const ROUTES = ['getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun'] as const;

/** Waivers of every phase 3 criterion, by a platform owner, valid on the test's day. */
const WAIVERS = ['accuracyImprovement', 'platformAdoption', 'timeToMarket', 'complianceScore']
  .map((criterion) => `    - { criterion: ${criterion}, phase: 3, justification: "measured by the pilot teams by hand", ticket: PLAT-1, approvedBy: "@acme/platform", expires: "2027-01-15" }\n`)
  .join('');

/** The valid org (rollout phase 3), with `waivers` on the base when given. */
function phaseThreeOrg(waivers = ''): Record<string, string> {
  const files = validOrg();
  if (waivers) files['platform.yaml'] = edited(files['platform.yaml']!, 'rollout:\n  phase: 3\n', `rollout:\n  phase: 3\n  criteriaWaivers:\n${waivers}`);
  return files;
}

/** Opens PR #7 raising the phase to 4; returns the policy check run. */
async function raisePhase(current: Scenario, base: Record<string, string>) {
  const head = await current.push({ 'platform.yaml': base['platform.yaml']!.replace('phase: 3\n', 'phase: 4\n') });
  current.github.install(ROUTES);
  await current.pullRequest('opened', head);
  return current.github.runs('mlops/policy', head).at(-1)!;
}

describe('the phase gate in mlops/policy', () => {
  it('fails when the criteria measured from the deploy repo are not met, listing the gate diagnostics', async () => {
    const files = phaseThreeOrg();
    const deployed = await deployedWorld({}, files);
    world = deployed.world;
    const policy = await raisePhase(world, files);
    expect(policy.conclusion).toBe('failure');
    expect(policy.output.summary).toContain('ML701');
    expect(policy.output.summary).toContain('Rollout phase 3 → 4');
    expect(policy.output.summary).not.toContain('ML702');
    expect(policy.annotations.some((annotation) => annotation.path === 'platform.yaml')).toBe(true);
    expect(world.github.comments.at(-1)?.body).toContain('Phase gate: ❌ failed');
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('passes when every criterion is met or waived by a platform owner on the base', async () => {
    const files = phaseThreeOrg(WAIVERS);
    const deployed = await deployedWorld({}, files);
    world = deployed.world;
    const policy = await raisePhase(world, files);
    expect(policy.output.summary).not.toContain('ML70');
    expect(policy.conclusion).toBe('success');
    expect(world.github.comments.at(-1)?.body).toContain('Phase gate: ✅ passed');
    expect(assertAllMocksUsed()).toEqual([]);
  });
});
