/** promotionAllowed: the promotion path (`promotion: { from, soak }`) judged against generated audit trails with known answers. */
import { describe, expect, it } from 'vitest';
import { readSourceTree } from '../../compiler/cli/fs-source.ts';
import { promotionAllowed } from '../../compiler/promote/promotion-allowed.ts';
import type { ResolvedOrg } from '../../compiler/resolve/resolved-org.ts';
import { resolvedOrg, SAMPLE_REPO, sampleOrg } from './support/sample-org.ts';
import { buildTrail, hoursAfterStart as at, type ShortEvent } from './support/trail.ts';

const org = await sampleOrg();
const now = (hours: number) => new Date(at(hours));

const stagingDeploy = (hours: number, sha: string, version = '1.5.0'): ShortEvent => ({ event: 'deploy', time: at(hours), sha, pr: 12, changes: [{ environment: 'staging', version }] });
const synced = (hours: number, sha: string, cluster = 'stg-eu'): ShortEvent => ({ event: 'synced', time: at(hours), sha, cluster });
const degraded = (hours: number, sha: string, cluster = 'stg-eu'): ShortEvent => ({ event: 'degraded', time: at(hours), sha, cluster });

describe('promotionAllowed into prod (from staging, soak 24h)', () => {
  it('allows a version healthy in staging for longer than the soak', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1')]);
    const decision = promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(30));
    expect(decision).toEqual({
      allowed: true,
      reason: `1.5.0 has been healthy in staging for 1d 5h (since ${at(1)}); prod requires 24h (soak).`,
      from: 'staging',
      soakMs: 24 * 3_600_000,
      servedSinceSeq: 1,
      healthySince: at(1),
      healthyForMs: 29 * 3_600_000,
    });
  });

  it('refuses before the soak time, saying how long it has been healthy', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1')]);
    const decision = promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(4.2));
    expect(decision).toMatchObject({ allowed: false, code: 'ML806', reason: '1.5.0 has been healthy in staging for 3h 12m; prod requires 24h (soak).', hint: `Ask again after ${at(25)} if it stays healthy.` });
  });

  it('measures from the deploy that made the version serve, not from earlier versions', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1', '1.4.0'), synced(1, 'a1'), stagingDeploy(20, 'b2'), synced(21, 'b2')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(30))).toMatchObject({ allowed: false, code: 'ML806', reason: '1.5.0 has been healthy in staging for 9h; prod requires 24h (soak).' });
  });

  it('counts a sync of a later deploy that kept the version serving', () => {
    const other: ShortEvent = { event: 'deploy', time: at(2), sha: 'c3', changes: [{ deployment: 'home-ranker', team: 'recsys', environment: 'staging', version: '2.0.0' }] };
    const trail = buildTrail([stagingDeploy(0, 'a1'), other, synced(3, 'c3')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(28))).toMatchObject({ allowed: true, healthySince: at(3) });
  });

  it('refuses a version that never served in staging', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1', '1.4.0'), synced(1, 'a1')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(100))).toEqual({
      allowed: false,
      code: 'ML807',
      reason: '1.5.0 never served in staging; prod requires 24h (soak).',
      hint: 'Promote fraud-api 1.5.0 to staging first.',
    });
  });

  it('does not count a canary as serving', () => {
    const canary: ShortEvent = { event: 'deploy', time: at(0), sha: 'a1', changes: [{ environment: 'staging', version: '1.4.0', canary: { version: '1.5.0', traffic: 50 } }] };
    const trail = buildTrail([canary, synced(1, 'a1')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(100))).toMatchObject({ allowed: false, code: 'ML807' });
  });

  it('refuses a version degraded in staging, naming the cluster and the time', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1'), degraded(5, 'a1')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(40))).toEqual({
      allowed: false,
      code: 'ML808',
      reason: `1.5.0 degraded in stg-eu at ${at(5)} (audit seq 3) and has not been healthy since; prod requires 24h (soak).`,
    });
  });

  it('starts the soak again at the next healthy sync after a degradation', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1'), degraded(5, 'a1'), synced(6, 'a1')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(20))).toMatchObject({ allowed: false, code: 'ML806', reason: '1.5.0 has been healthy in staging for 14h; prod requires 24h (soak).' });
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(31))).toMatchObject({ allowed: true, healthySince: at(6), healthyForMs: 25 * 3_600_000 });
  });

  it('refuses a version Argo CD has not reported healthy yet', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1', '1.4.0'), synced(1, 'a1'), stagingDeploy(2, 'b2')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(50))).toEqual({
      allowed: false,
      code: 'ML809',
      reason: '1.5.0 serves in staging but Argo CD has not reported it synced and healthy in stg-eu; prod requires 24h (soak).',
    });
  });

  it('ignores syncs of clusters outside the source environment', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1', 'prod-eu'), synced(1, 'a1', 'dev-eu')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(50))).toMatchObject({ allowed: false, code: 'ML809' });
  });

  it('counts the healthy time up to the deploy that replaced the version', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1'), stagingDeploy(30, 'b2', '1.4.0'), synced(31, 'b2'), synced(32, 'a1')]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(50))).toMatchObject({
      allowed: true,
      reason: `1.5.0 was healthy in staging for 1d 5h (${at(1)} to ${at(30)}); prod requires 24h (soak).`,
    });
    const short = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1'), stagingDeploy(10, 'b2', '1.4.0'), synced(11, 'b2')]);
    expect(promotionAllowed(org, short, 'fraud-api', '1.5.0', 'prod', now(50))).toMatchObject({ allowed: false, code: 'ML806', reason: '1.5.0 was healthy in staging for at most 9h; prod requires 24h (soak).' });
  });

  it('matches events to deploys by deploy commit when the commits are known', () => {
    const trail = buildTrail([stagingDeploy(0, 'a1'), { event: 'synced', time: at(1), sha: 'unknown-source', cluster: 'stg-eu', commit: 'd1' }]);
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(30))).toMatchObject({ allowed: false, code: 'ML809' });
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prod', now(30), { deployCommits: new Map([[1, 'd1']]) })).toMatchObject({ allowed: true, healthySince: at(1) });
  });
});

describe('promotionAllowed: names and paths', () => {
  const trail = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1')]);

  it('refuses an environment without a promotion path', () => {
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'dev', now(30))).toMatchObject({ allowed: false, code: 'ML805', reason: 'dev declares no promotion path (environments.dev.promotion in platform.yaml), so a promotion into it cannot be checked.' });
  });

  it('refuses unknown environments, deployments and versions with a did-you-mean', () => {
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.0', 'prodd', now(30))).toEqual({ allowed: false, code: 'ML802', reason: 'The platform declares no environment `prodd`.', hint: 'Did you mean `prod`?' });
    expect(promotionAllowed(org, trail, 'fraud-apii', '1.5.0', 'prod', now(30))).toMatchObject({ allowed: false, code: 'ML801', hint: 'Did you mean `fraud-api`?' });
    expect(promotionAllowed(org, trail, 'fraud-api', '1.5.1', 'prod', now(30))).toMatchObject({ allowed: false, code: 'ML803', reason: '1.5.1 is not a registered version of model `fraud-detector`.', hint: 'Did you mean `1.5.0`?' });
  });

  it('accepts team/deployment', () => {
    expect(promotionAllowed(org, trail, 'fraud/fraud-api', '1.5.0', 'prod', now(30))).toMatchObject({ allowed: true });
    expect(promotionAllowed(org, trail, 'recsys/fraud-api', '1.5.0', 'prod', now(30))).toMatchObject({ allowed: false, code: 'ML801' });
  });

  it('without a soak, allows as soon as the version is healthy in the source environment', () => {
    const dev = buildTrail([{ event: 'deploy', time: at(0), sha: 'a1', changes: [{ environment: 'dev', version: '1.5.0' }] }, synced(0.5, 'a1', 'dev-eu')]);
    expect(promotionAllowed(org, dev, 'fraud-api', '1.5.0', 'staging', now(0.5))).toMatchObject({ allowed: true, reason: `1.5.0 has been healthy in dev for 0s (since ${at(0.5)}); staging requires it healthy in dev first.` });
  });
});

describe('promotionAllowed with two clusters in the source environment', () => {
  let twoClusters: ResolvedOrg;

  it('needs every cluster healthy and measures from the last one', async () => {
    const tree = await readSourceTree(SAMPLE_REPO);
    twoClusters = resolvedOrg({
      ...tree,
      files: tree.files.map((file) =>
        file.path === 'platform.yaml'
          ? { ...file, content: String(Buffer.from(file.content)).replace('      - { name: stg-eu, region: eu-west-1, server: "https://stg-eu.k8s.acme.internal:6443" }\n', '      - { name: stg-eu, region: eu-west-1, server: "https://stg-eu.k8s.acme.internal:6443" }\n      - { name: stg-us, region: us-east-1, server: "https://stg-us.k8s.acme.internal:6443" }\n') }
          : file,
      ),
    });
    expect(twoClusters.platform.environments.find((environment) => environment.name === 'staging')?.clusters.map((cluster) => cluster.name)).toEqual(['stg-eu', 'stg-us']);
    const oneSynced = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1')]);
    expect(promotionAllowed(twoClusters, oneSynced, 'fraud-api', '1.5.0', 'prod', now(50))).toMatchObject({ allowed: false, code: 'ML809', reason: expect.stringContaining('in stg-us;') });
    const both = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1'), synced(8, 'a1', 'stg-us')]);
    expect(promotionAllowed(twoClusters, both, 'fraud-api', '1.5.0', 'prod', now(20))).toMatchObject({ allowed: false, code: 'ML806', reason: '1.5.0 has been healthy in staging for 12h; prod requires 24h (soak).' });
    expect(promotionAllowed(twoClusters, both, 'fraud-api', '1.5.0', 'prod', now(33))).toMatchObject({ allowed: true, healthySince: at(8) });
    const usDegraded = buildTrail([stagingDeploy(0, 'a1'), synced(1, 'a1'), synced(2, 'a1', 'stg-us'), degraded(10, 'a1', 'stg-us')]);
    expect(promotionAllowed(twoClusters, usDegraded, 'fraud-api', '1.5.0', 'prod', now(50))).toMatchObject({ allowed: false, code: 'ML808', reason: expect.stringContaining('degraded in stg-us at') });
  });
});
