/**
 * The reference trail of the report tests, with known answers: a deploy synced in two clusters, a
 * failed deploy later fixed, a deploy that degraded and was rolled back, a change without its
 * approval, and a waiver that expires inside the window.
 */
import type { AuditWaiver } from '../../compiler/audit/audit-entry.ts';
import { buildTrail, prodChange } from './trail-builder.ts';

/** The report's end. */
export const UNTIL = new Date('2026-03-31T12:00:00Z');

/** A waiver that lapses on 2026-03-20, inside the window. */
export const LAPSING_WAIVER: AuditWaiver = { rule: 'k8s/read-only-root-fs', target: 'deployments/fraud-api', team: 'fraud', ticket: 'SEC-1', approvedBy: '@sec-lead', expires: '2026-03-20' };

const fraud = (version: string, auc: number) => prodChange('fraud', 'fraud-api', version, { riskTier: 'high', metrics: { auc }, model: 'fraud-detector' });

/** The entries, chained. */
export function scenarioTrail() {
  return buildTrail([
    { time: '2026-01-05T09:00:00Z', event: 'deploy', tree: 'a', pr: 1, prOpenedAt: '2026-01-05T08:00:00Z', author: 'alice', approvers: ['bob'], required: 1, changes: [fraud('1.0.0', 0.8), prodChange('recsys', 'ranker-api', '2.0.0', { tier: 'staging', environment: 'staging', model: 'ranker', riskTier: 'low' })] },
    { time: '2026-01-05T10:00:00Z', event: 'synced', tree: 'a', cluster: 'prod-eu' },
    { time: '2026-01-05T10:30:00Z', event: 'synced', tree: 'a', cluster: 'prod-us' },
    { time: '2026-01-12T09:00:00Z', event: 'deploy-failed', tree: 'b', pr: 2, author: 'carol', approvers: ['alice'], required: 1, changes: [fraud('1.1.0', 0.88)] },
    { time: '2026-01-12T11:00:00Z', event: 'deploy', tree: 'b', pr: 3, prOpenedAt: '2026-01-12T10:00:00Z', author: 'carol', approvers: ['alice'], required: 1, changes: [fraud('1.1.0', 0.88)] },
    { time: '2026-01-12T11:30:00Z', event: 'synced', tree: 'b', cluster: 'prod-eu' },
    { time: '2026-01-19T09:00:00Z', event: 'deploy', tree: 'c', pr: 4, prOpenedAt: '2026-01-19T08:00:00Z', author: 'bob', approvers: [], required: 1, changes: [prodChange('recsys', 'ranker-api', '2.0.0', { model: 'ranker', riskTier: 'low', action: 'added' })] },
    { time: '2026-01-19T10:00:00Z', event: 'degraded', tree: 'c', cluster: 'prod-eu' },
    { time: '2026-01-19T12:00:00Z', event: 'rollback', tree: 'a', pr: 5, prOpenedAt: '2026-01-19T11:00:00Z', author: 'bob', approvers: ['alice'], required: 1, changes: [prodChange('recsys', 'ranker-api', '2.0.0', { model: 'ranker', riskTier: 'low', action: 'removed' })], waivers: [LAPSING_WAIVER] },
    { time: '2026-01-19T13:00:00Z', event: 'synced', tree: 'a', cluster: 'prod-eu' },
    { time: '2026-03-16T09:00:00Z', event: 'deploy', tree: 'd', pr: 6, prOpenedAt: '2026-03-16T07:00:00Z', author: 'alice', approvers: ['bob'], required: 1, changes: [fraud('1.2.0', 0.96)], waivers: [LAPSING_WAIVER] },
  ]);
}
