import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../compiler/cli/main.ts';
import { captureIO } from '../capture-io.ts';

describe('mlops demo', () => {
  it('runs every section on a temporary copy of sample-repo and exits 0', async () => {
    const captured = captureIO('/');
    const code = await main(['demo'], captured.io);
    const out = captured.out();
    // The one line on stderr: the promotion the tour expects to be refused.
    expect(captured.err()).toBe('mlops promote: refused (ML809): 1.5.0 serves in staging but Argo CD has not reported it synced and healthy in stg-eu; prod requires 24h (soak).\n');
    expect(out).toContain('━━ 1/12 Validate the sample org ━━');
    expect(out).toContain('✔ acme-config is valid: 3 teams');
    expect(out).toContain('━━ 2/12 Catch a mistake ━━');
    expect(out).toMatch(/acme-config\/teams\/fraud\/mlops\.yaml:\d+:5 error ML201 Unknown key `modl`/);
    for (const heading of ['3/12 Compile', '4/12 Check policies', '5/12 Plan a change', '6/12 A change the policy blocks', '7/12 Merge is deploy', '8/12 Merge the canary shift', '9/12 Verify the audit trail', '10/12 Read the audit trail', '11/12 Promote fraud-detector 1.5.0 to prod: not yet', '12/12 Roll the canary shift back']) expect(out).toContain(heading);
    expect(out).not.toContain('(skipped');
    expect(out.match(/→ exit \d+\n/g)).toHaveLength(12);
    expect(out).toMatch(/\d+ files written under out\//);
    expect(out).toMatch(/canary 1\.5\.0 at 10\s?% → canary 1\.5\.0 at 20\s?%/);
    expect(out).toMatch(/acme-config\/teams\/fraud\/mlops\.yaml:\d+:\d+ error ml\/high-risk-canary /);
    expect(out).toMatch(/✔ deployed [0-9a-f]{12} to acme-deploy\.git \(main\) as [0-9a-f]{12}: audit entry #3, \d+ file\(s\) written, 0 deleted, incremental\./);
    expect(out).toMatch(/Mlops-Source-Sha: [0-9a-f]{40}\nMlops-Source-Repo: acme-config\nMlops-Pull-Request: 7\n/);
    // Each deploy relied on the fraud team's waiver: a waiver-used entry follows each deploy entry.
    expect(out).toContain('✔ audit trail intact: 4 entries, chain verified to #4, 2 deploy commit(s) match their entries.');
    expect(out).toMatch(/#4 \S+ waiver-used by demo: acme-config@[0-9a-f]{12} PR #7/);
    expect(out).toContain('changed fraud/fraud-api in prod: 1.4.0, canary 1.5.0 at 20%');
    expect(out).toContain('prod: fraud-api back from 1.4.0 (canary 1.5.0 at 20 %) to 1.4.0 (canary 1.5.0 at 10 %), as deployed in');
    expect(out).toMatch(/Rollout dashboard of the demo's audit trail: .+\.html/);
    expect(out).not.toContain('did not behave as expected');
    expect(out).toContain('✔ Demo complete.');
    expect(code).toBe(0);
  });

  it('runs on any date: the sample waiver is moved to expire 60 days from today', async () => {
    // Long after the expiry written in sample-repo/ (2026-12-31): without the move, the waiver would
    // have lapsed and its finding would block compile and check.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2028-03-01T12:00:00Z') });
    const captured = captureIO('/');
    const code = await main(['demo'], captured.io);
    expect(captured.out()).not.toContain('did not behave as expected');
    expect(captured.out()).not.toMatch(/ML6\d\d/);
    expect(code).toBe(0);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('rejects arguments', async () => {
    const captured = captureIO('/');
    expect(await main(['demo', 'extra'], captured.io)).toBe(2);
    expect(captured.err()).toBe('mlops: `mlops demo` takes no arguments.\n');
  });
});
