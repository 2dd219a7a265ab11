import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../compiler/cli/main.ts';
import { captureIO } from '../capture-io.ts';

describe('mlops demo', () => {
  it('runs every section on a temporary copy of sample-repo and exits 0', async () => {
    const captured = captureIO('/');
    const code = await main(['demo'], captured.io);
    const out = captured.out();
    expect(captured.err()).toBe('');
    expect(out).toContain('━━ 1/6 Validate the sample org ━━');
    expect(out).toContain('✔ acme-config is valid: 3 teams');
    expect(out).toContain('━━ 2/6 Catch a mistake ━━');
    expect(out).toMatch(/acme-config\/teams\/fraud\/mlops\.yaml:\d+:5 error ML201 Unknown key `modl`/);
    for (const heading of ['3/6 Compile', '4/6 Check policies', '5/6 Plan a change', '6/6 A change the policy blocks']) expect(out).toContain(heading);
    expect(out).not.toContain('(skipped');
    expect(out.match(/→ exit \d+\n/g)).toHaveLength(6);
    expect(out).toMatch(/\d+ files written under out\//);
    expect(out).toMatch(/canary 1\.5\.0 at 10\s?% → canary 1\.5\.0 at 20\s?%/);
    expect(out).toMatch(/acme-config\/teams\/fraud\/mlops\.yaml:\d+:\d+ error ml\/high-risk-canary /);
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
