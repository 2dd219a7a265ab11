/** The promotion and rollback pull requests: the template parses, sections escape user text, the texts say what changes. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { durationMs, formatElapsed } from '../../compiler/promote/duration.ts';
import { refSlug } from '../../compiler/promote/pull-request-sections.ts';
import { promotionPullRequest, rollbackPullRequest } from '../../compiler/promote/pull-request-text.ts';
import { buildTrail, hoursAfterStart as at } from './support/trail.ts';

const templates = { pullRequest: readFileSync(fileURLToPath(new URL('../../templates/promote/pull-request.md.hbs', import.meta.url)), 'utf8') };
const [target, undone] = buildTrail([
  { event: 'deploy', time: at(0), sha: 'c3c3c3c3c3c3c3c3', pr: 12, changes: [{ environment: 'prod', version: '1.4.0' }] },
  { event: 'deploy', time: at(5), sha: 'd4d4d4d4d4d4d4d4', pr: 13, changes: [{ environment: 'prod', version: '1.5.0', canary: { version: '1.6.0', traffic: 10 } }] },
]);

describe('templates/promote', () => {
  it('parses (a broken template fails here)', () => {
    expect(() => Handlebars.precompile(templates.pullRequest)).not.toThrow();
  });
});

describe('promotionPullRequest', () => {
  const change = { deployment: 'fraud-api', model: 'fraud-detector', environment: 'prod', version: '1.5.0', versionBefore: '1.4.0', canary: { version: '1.5.0', traffic: 10 }, canaryCompleted: true, description: 'prod: fraud-api 1.4.0 → 1.5.0 (model fraud-detector)' };
  const decision = { allowed: true as const, reason: `1.5.0 has been healthy in staging for 1d 5h (since ${at(1)}); prod requires 24h (soak).`, from: 'staging', soakMs: 86_400_000, servedSinceSeq: 1, healthySince: at(1), healthyForMs: 1 };

  it('names the change, the evidence and the canary left in place', () => {
    const text = promotionPullRequest({ team: 'fraud', file: 'teams/fraud/mlops.yaml', change, decision, trail: [target!, undone!], requestedBy: '@maria' }, templates);
    expect(text.title).toBe('Promote fraud-api 1.5.0 to prod');
    expect(text.branch).toBe('mlops/promote-fraud-api-1.5.0-to-prod');
    expect(text.commitMessage).toBe(`Promote fraud-api 1.5.0 to prod\n\nprod: fraud-api 1.4.0 → 1.5.0 (model fraud-detector).\n${decision.reason}\n`);
    expect(text.body).toBe(
      [
        '<!-- mlops:promote -->',
        '## Promote fraud-api 1.5.0 to prod',
        '',
        'Promotes <code>fraud-api</code> (team <code>fraud</code>, model <code>fraud-detector</code>) to <code>1.5.0</code> in <code>prod</code>, after it soaked in <code>staging</code>.',
        '',
        '### What changes',
        '',
        '- prod: fraud-api 1.4.0 → 1.5.0 (model fraud-detector): <code>deployments.fraud-api.environments.prod.version</code> in <code>teams/fraud/mlops.yaml</code>',
        '',
        '### Why the promotion path allows it',
        '',
        `- 1.5.0 has been healthy in staging for 1d 5h (since ${at(1)}); prod requires 24h (soak).`,
        '- <code>1.5.0</code> became the stable version in <code>staging</code> with #12 at seq 1 (2026-11-01T00:00:00Z).',
        '',
        '### Notes',
        '',
        '- The canary of <code>1.5.0</code> at 10 % ran the promoted version: this pull request completes it and removes its <code>canary</code> block.',
        '',
        '---',
        'Opened by `mlops promote` at the request of &#64;maria. The config repo stays the source of truth: this pull request is checked, planned and approved like any other change, and merging it deploys it.',
        '',
      ].join('\n'),
    );
  });

  it('escapes hostile names', () => {
    const hostile = { ...change, deployment: 'x`|<script>[a](b)', description: 'prod: @everyone\u001b[31m' };
    const text = promotionPullRequest({ team: 'fraud', file: 'f', change: hostile, decision }, templates);
    expect(text.body).not.toContain('<script>');
    expect(text.body).not.toContain('@everyone');
    expect(text.body).not.toContain('\u001b');
    expect(text.branch).toBe('mlops/promote-x-script-a-b-1.5.0-to-prod');
  });
});

describe('rollbackPullRequest', () => {
  it('says what it undoes', () => {
    const text = rollbackPullRequest(
      { team: 'fraud', file: 'teams/fraud/mlops.yaml', deployment: 'fraud-api', environment: 'prod', current: { version: '1.5.0', canary: { version: '1.6.0', traffic: 10 }, replicas: { min: 4 } }, restored: { version: '1.4.0', replicas: { min: 3 } }, target: target!, undone: undone! },
      templates,
    );
    expect(text.title).toBe('Roll back fraud-api in prod to 1.4.0 (deploy seq 1)');
    expect(text.branch).toBe('mlops/rollback-fraud-api-prod-to-seq-1');
    expect(text.description).toBe('prod: fraud-api back from 1.5.0 (canary 1.6.0 at 10 %) to 1.4.0, as deployed in #12 at seq 1; also restores replicas');
    expect(text.body).toContain('### What it undoes\n\n- Restores the desired state of #12 at seq 1 (source <code>c3c3c3c3c3c3</code>, 2026-11-01T00:00:00Z).\n- Undoes #13 at seq 2 (source <code>d4d4d4d4d4d4</code>, 2026-11-01T05:00:00Z).\n');
    expect(text.body).not.toContain('### Notes');
  });
});

describe('durations', () => {
  it('parses soak durations and formats elapsed times', () => {
    expect([durationMs('24h'), durationMs('30m'), durationMs('7d'), durationMs('10s'), durationMs('1w'), durationMs('h')]).toEqual([86_400_000, 1_800_000, 604_800_000, 10_000, undefined, undefined]);
    expect([formatElapsed(0), formatElapsed(59_000), formatElapsed(11_520_000), formatElapsed(90_000_000), formatElapsed(86_400_000), formatElapsed(3_600_000 + 5_000)]).toEqual(['0s', '59s', '3h 12m', '1d 1h', '1d', '1h']);
  });

  it('slugs refs', () => {
    expect([refSlug('a b/c'), refSlug('..x..'), refSlug('///')]).toEqual(['a-b-c', 'x', 'x']);
  });
});
