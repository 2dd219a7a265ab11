import { describe, expect, it } from 'vitest';
import { buildReport } from '../../compiler/report/build-report.ts';
import { reportTrail } from '../../compiler/report/report-trail.ts';
import type { RolloutReport } from '../../compiler/report/report-model.ts';
import { LAPSING_WAIVER, scenarioTrail, UNTIL } from './scenario.ts';
import { buildTrail, prodChange, trailFiles } from './trail-builder.ts';

function reportOf(entries: ReturnType<typeof scenarioTrail>, until = UNTIL): RolloutReport {
  return buildReport({ trail: reportTrail(trailFiles(entries)), until });
}

function criterion(report: RolloutReport, id: string, phase = 1) {
  return report.criteria.find((result) => result.id === id && result.phase === phase)!;
}

function kpi(report: RolloutReport, id: string) {
  return report.kpis.find((result) => result.id === id)!.measurement;
}

describe('buildReport on the reference trail', () => {
  const report = reportOf(scenarioTrail());

  it('counts a failed deploy later fixed and a degraded deploy as failures, and leaves the unsynced one out', () => {
    const success = criterion(report, 'deploymentSuccess');
    expect(success.measurement).toMatchObject({ value: 60, events: 5 });
    expect(success.measurement.method).toContain('3 synced healthy, 2 failed or degraded, 1 awaiting Argo CD');
    expect(success).toMatchObject({ target: 90, status: 'not-met' });
  });

  it('measures time to deploy up to the last cluster synced, a rollback included (median of 2.5, 1.5 and 2 h)', () => {
    expect(criterion(report, 'timeToDeploy')).toMatchObject({ measurement: { value: 2, events: 3 }, status: 'not-met', target: 2 });
  });

  it('links Argo CD events to the latest deploy of the same tree (the rollback, not the first deploy)', () => {
    const week3 = report.weeks.find((week) => week.week === '2026-W04')!;
    expect(week3).toMatchObject({ deploys: 2, succeeded: 1, failed: 1, rollbacks: 1, medianHoursToDeploy: 2 });
  });

  it('compares the last four weeks with the first four for deployment frequency', () => {
    expect(criterion(report, 'deploymentFrequency', 2).measurement).toMatchObject({ value: 0.25, events: 5 });
  });

  it('measures accuracy improvement from the first to the latest version served in production', () => {
    expect(criterion(report, 'accuracyImprovement', 2)).toMatchObject({ measurement: { value: 20 }, status: 'met' });
  });

  it('scores compliance: the change without its approval is the one non-compliant change', () => {
    expect(criterion(report, 'complianceScore', 3).measurement).toMatchObject({ value: 80, events: 5 });
    const bad = report.prodChanges.filter((change) => !change.compliant);
    expect(bad.map((change) => change.pr)).toEqual([4]);
    expect(bad[0]!.problems).toEqual(['approval requirement not met: prod', '0 non-author approvals, 1 required']);
  });

  it('keeps a change compliant whose waiver was valid that day, and shows the waiver expired at the report end', () => {
    const rollback = report.prodChanges.find((change) => change.event === 'rollback')!;
    expect(rollback.compliant).toBe(true);
    expect(rollback.waivers).toEqual([expect.objectContaining({ rule: LAPSING_WAIVER.rule, status: 'expired', validAtChange: true })]);
    expect(report.waivers).toEqual([expect.objectContaining({ expires: '2026-03-20', status: 'expired' })]);
    const before = reportOf(scenarioTrail(), new Date('2026-03-16T12:00:00Z'));
    expect(before.waivers[0]!.status).toBe('expiring');
  });

  it('replays production: the rolled-back deployment is gone, the high-risk model stays', () => {
    expect(report.modelsInProd).toEqual([
      { riskTier: 'high', models: ['fraud/fraud-detector'] },
      { riskTier: 'medium', models: [] },
      { riskTier: 'low', models: [] },
    ]);
    expect(kpi(report, 'modelsDeployed').value).toBe(1);
    expect(kpi(report, 'rollbacks').value).toBe(1);
    expect(kpi(report, 'activeUsers')).toMatchObject({ value: 3, events: 6 });
  });

  it('says what is not measurable instead of inventing a 0', () => {
    expect(criterion(report, 'availability')).toMatchObject({ status: 'not-measurable', measurement: { reason: 'no Prometheus given (--prometheus URL)' } });
    expect(criterion(report, 'availability').measurement.value).toBeUndefined();
    expect(criterion(report, 'platformAdoption', 3).measurement.reason).toContain('--config');
    expect(criterion(report, 'timeToMarket', 3).measurement.value).toBeUndefined();
  });

  it('fills every week of the window, empty ones included', () => {
    expect(report.window).toEqual({ since: '2026-01-05', until: '2026-03-31' });
    expect(report.weeks[0]!.week).toBe('2026-W02');
    expect(report.weeks.at(-1)!.week).toBe('2026-W14');
    expect(report.weeks).toHaveLength(13);
  });
});

describe('buildReport edge cases', () => {
  it('an empty trail: nothing measurable, no fake zeros', () => {
    const report = reportOf([]);
    for (const result of report.criteria) expect(result.status, result.id).toBe('not-measurable');
    expect(report.criteria.find((result) => result.id === 'deploymentSuccess')!.measurement.reason).toBe('no deploy in the window');
    expect(kpi(report, 'modelsDeployed').value).toBeUndefined();
    expect(report.prodChanges).toEqual([]);
  });

  it('deploys Argo CD has not reported on yet are pending, not failures', () => {
    const report = reportOf(buildTrail([{ time: '2026-03-01T00:00:00Z', event: 'deploy', tree: 'a', changes: [prodChange('t', 'd', '1')] }]));
    expect(criterion(report, 'deploymentSuccess').measurement).toMatchObject({ reason: 'no deploy outcome reported by Argo CD yet', events: 1 });
  });

  it('time to market: models of the second half reach production 50 % faster', () => {
    const staging = (model: string) => prodChange('t', `${model}-api`, '1', { model, tier: 'staging', environment: 'staging', action: 'added' });
    const prod = (model: string) => prodChange('t', `${model}-api`, '1', { model, action: 'added' });
    const report = reportOf(
      buildTrail([
        { time: '2026-01-01T00:00:00Z', event: 'deploy', tree: '1', changes: [staging('m1')] },
        { time: '2026-01-05T00:00:00Z', event: 'deploy', tree: '2', changes: [prod('m1')] },
        { time: '2026-03-01T00:00:00Z', event: 'deploy', tree: '3', changes: [staging('m2')] },
        { time: '2026-03-03T00:00:00Z', event: 'deploy', tree: '4', changes: [prod('m2')] },
      ]),
    );
    expect(criterion(report, 'timeToMarket', 3).measurement).toMatchObject({ value: -50, events: 2 });
  });

  it('a trail younger than eight weeks has no deployment frequency yet', () => {
    const report = reportOf(buildTrail([{ time: '2026-03-01T00:00:00Z', event: 'deploy', tree: 'a', changes: [] }]));
    expect(criterion(report, 'deploymentFrequency', 2).measurement.reason).toBe('needs 8 weeks of trail; the first deploy is 30 days old');
  });

  it('notes lines that are not entries and breaks of the chain', () => {
    const entries = scenarioTrail();
    const files = trailFiles([...entries.slice(0, 3), ...entries.slice(4)]);
    files[0] = { ...files[0]!, content: `${files[0]!.content}not json\n` };
    const report = buildReport({ trail: reportTrail(files), until: UNTIL });
    expect(report.sources.unreadableLines).toEqual(['audit/2026-01.jsonl:10']);
    expect(report.sources.chainBreaks).toEqual(['entry 5 follows 3 (a gap or a duplicate)']);
  });

  it('lines shaped wrongly deep inside are left out, not trusted', () => {
    const [first, ...rest] = trailFiles(scenarioTrail());
    const entry = scenarioTrail()[0]!;
    const bad = [
      JSON.stringify({ ...entry, changes: [null] }),
      JSON.stringify({ ...entry, approvals: [{ id: 'x', count: '2', satisfied: true }] }),
      JSON.stringify({ ...entry, policy: { passed: true, errors: 0, warnings: 0, waivers: [{ rule: 1 }] } }),
      JSON.stringify({ ...entry, changes: [{ ...entry.changes[0], metrics: { auc: 'high' } }] }),
      '[]',
      'null',
    ];
    const report = buildReport({ trail: reportTrail([{ ...first!, content: `${first!.content}${bad.join('\n')}\n` }, ...rest]), until: UNTIL });
    expect(report.sources.unreadableLines).toEqual([11, 12, 13, 14, 15, 16].map((line) => `audit/2026-01.jsonl:${line}`));
    expect(report.sources.entries).toBe(11);
  });

  it('notes time running backwards', () => {
    const entries = buildTrail([
      { time: '2026-03-02T00:00:00Z', event: 'deploy', tree: 'a' },
      { time: '2026-03-01T00:00:00Z', event: 'deploy', tree: 'b' },
    ]);
    expect(reportTrail(trailFiles(entries)).chainBreaks).toEqual(['entry 2 is dated before entry 1']);
  });

  it('--since limits the window', () => {
    const report = buildReport({ trail: reportTrail(trailFiles(scenarioTrail())), until: UNTIL, since: new Date('2026-03-01T00:00:00Z') });
    expect(report.prodChanges.map((change) => change.pr)).toEqual([6]);
    expect(criterion(report, 'deploymentSuccess').measurement.reason).toBe('no deploy outcome reported by Argo CD yet');
  });
});
