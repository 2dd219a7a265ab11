/** rollbackTarget: which deploy a rollback restores, from generated trails with known answers. */
import { describe, expect, it } from 'vitest';
import { rollbackTarget } from '../../compiler/promote/rollback-target.ts';
import { servingTimeline } from '../../compiler/promote/serving-timeline.ts';
import { buildTrail, hoursAfterStart as at } from './support/trail.ts';

const key = { team: 'fraud', deployment: 'fraud-api', environment: 'prod' };
const trail = buildTrail([
  { event: 'deploy', time: at(0), sha: 'a1', pr: 10, changes: [{ environment: 'prod', version: '1.3.0', action: 'added' }] },
  { event: 'deploy', time: at(1), sha: 'b2', pr: 11, changes: [{ environment: 'staging', version: '1.5.0' }] },
  { event: 'synced', time: at(2), sha: 'b2', cluster: 'prod-eu' },
  { event: 'deploy', time: at(3), sha: 'c3', pr: 12, changes: [{ environment: 'prod', version: '1.4.0' }] },
  { event: 'deploy', time: at(4), sha: 'd4', pr: 13, changes: [{ environment: 'prod', version: '1.4.0', canary: { version: '1.5.0', traffic: 10 } }] },
  { event: 'deploy', time: at(5), sha: 'e5', pr: 14, changes: [{ deployment: 'other', environment: 'prod', version: '9' }] },
]);

describe('rollbackTarget', () => {
  it('by default restores the deploy just before the last change of the deployment in the environment', () => {
    const found = rollbackTarget(trail, key);
    expect(found).toMatchObject({ target: { seq: 4, source: { sha: 'c3', pr: 12 } }, state: { version: '1.4.0' }, undone: { seq: 5, source: { sha: 'd4' } } });
    const between = buildTrail([
      { event: 'deploy', time: at(0), sha: 'a1', changes: [{ environment: 'prod', version: '1.3.0', action: 'added' }] },
      { event: 'deploy', time: at(1), sha: 'b2', pr: 20, changes: [{ deployment: 'other', environment: 'prod', version: '9' }] },
      { event: 'synced', time: at(2), sha: 'b2', cluster: 'prod-eu' },
      { event: 'deploy', time: at(3), sha: 'c3', changes: [{ environment: 'prod', version: '1.4.0' }] },
    ]);
    expect(rollbackTarget(between, key)).toMatchObject({ target: { seq: 2, source: { sha: 'b2', pr: 20 } }, state: { version: '1.3.0' }, undone: { seq: 4 } });
  });

  it('restores the deploy named by seq', () => {
    expect(rollbackTarget(trail, key, 1)).toMatchObject({ target: { seq: 1 }, state: { version: '1.3.0' }, undone: { seq: 5 } });
    expect(rollbackTarget(trail, key, 2)).toMatchObject({ target: { seq: 2 }, state: { version: '1.3.0' } });
  });

  it('refuses seqs that are not deploys', () => {
    expect(rollbackTarget(trail, key, 3)).toMatchObject({ code: 'ML810', reason: 'Audit entry 3 is a `synced` event, not a deploy.' });
    expect(rollbackTarget(trail, key, 99)).toMatchObject({ code: 'ML810', reason: 'The audit trail has no entry 99.' });
  });

  it('refuses when there is no earlier state', () => {
    expect(rollbackTarget(trail, { ...key, environment: 'staging' })).toMatchObject({ code: 'ML811', reason: '`fraud-api` in staging first came with deploy 2; there is no earlier state to restore.' });
    expect(rollbackTarget(trail, { ...key, environment: 'dev' })).toMatchObject({ code: 'ML811', reason: 'The audit trail has no deploy of `fraud-api` in dev.' });
    expect(rollbackTarget(trail, { ...key, environment: 'staging' }, 1)).toMatchObject({ code: 'ML812' });
  });

  it('refuses to restore a state in which the deployment was removed', () => {
    const removed = buildTrail([
      { event: 'deploy', time: at(0), sha: 'a1', changes: [{ environment: 'prod', version: '1.3.0', action: 'added' }] },
      { event: 'deploy', time: at(1), sha: 'b2', changes: [{ environment: 'prod', action: 'removed' }] },
      { event: 'deploy', time: at(2), sha: 'c3', changes: [{ environment: 'prod', version: '1.4.0', action: 'added' }] },
    ]);
    expect(rollbackTarget(removed, key)).toMatchObject({ code: 'ML812', reason: 'Before deploy 3, `fraud-api` in prod was not running (removed in deploy 2).' });
  });

  it('replays what each deploy left serving', () => {
    expect(servingTimeline(trail, key).map((step) => [step.entry.seq, step.state?.version, step.state?.canary?.traffic, step.changed])).toEqual([
      [1, '1.3.0', undefined, true],
      [2, '1.3.0', undefined, false],
      [4, '1.4.0', undefined, true],
      [5, '1.4.0', 10, true],
      [6, '1.4.0', 10, false],
    ]);
  });
});
