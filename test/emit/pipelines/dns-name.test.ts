import { describe, expect, it } from 'vitest';
import { dnsName, MAX_CRON_NAME, shortHash } from '../../../compiler/emit/pipelines/dns-name.ts';

describe('dnsName', () => {
  it('joins short names unchanged', () => {
    expect(dnsName(['fraud-api', 'drift-check'])).toBe('fraud-api-drift-check');
  });

  it('shortens long names to the limit with a stable hash, keeping distinct inputs distinct', () => {
    const a = dnsName(['a'.repeat(40), 'b'.repeat(40)]);
    const b = dnsName(['a'.repeat(40), 'c'.repeat(40)]);
    expect(a).toHaveLength(63);
    expect(a).toMatch(/^a{40}-b{13}-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(dnsName(['a'.repeat(40), 'b'.repeat(40)])).toBe(a);
  });

  it('never ends the kept prefix with a dash', () => {
    const name = dnsName(['x'.repeat(42), 'y'.repeat(20)], MAX_CRON_NAME);
    expect(name.length).toBeLessThanOrEqual(MAX_CRON_NAME);
    expect(name).toMatch(/^x{42}-[0-9a-f]{8}$/);
  });

  it('hashes to 8 hex digits (FNV-1a)', () => {
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
  });
});
