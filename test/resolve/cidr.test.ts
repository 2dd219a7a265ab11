/** compiler/support/cidr.ts: the CIDR arithmetic NetworkPolicy `ipBlock`s and validation (ML342) rely on. */
import { describe, expect, it } from 'vitest';
import { cidrContainsCidr, cidrContainsIp, parseCidr, parseIp } from '../../compiler/support/cidr.ts';

describe('CIDR blocks', () => {
  it('parses IPv4 and IPv6 blocks and refuses malformed ones', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ base: 10n << 24n, prefix: 8, bits: 32, hostBitsSet: false });
    expect(parseCidr('fd00::/8')?.bits).toBe(128);
    expect(parseCidr('::/0')?.prefix).toBe(0);
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0/8', '256.0.0.0/8', '10.0.0.0/08', 'fd00::1::/8', 'fd00::/129', 'x/8']) expect(parseCidr(bad), bad).toBeUndefined();
  });

  it('notices host bits after the prefix', () => {
    expect(parseCidr('10.20.1.0/16')?.hostBitsSet).toBe(true);
    expect(parseCidr('10.20.0.0/16')?.hostBitsSet).toBe(false);
  });

  it('tells whether an address or a block lies inside a block, per family', () => {
    const block = parseCidr('10.8.0.0/16')!;
    expect(cidrContainsIp(block, parseIp('10.8.255.255')!)).toBe(true);
    expect(cidrContainsIp(block, parseIp('10.9.0.0')!)).toBe(false);
    expect(cidrContainsIp(parseCidr('fd00::/8')!, parseIp('fd12:3456::1')!)).toBe(true);
    expect(cidrContainsIp(parseCidr('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
    expect(cidrContainsCidr(block, parseCidr('10.8.5.0/24')!)).toBe(true);
    expect(cidrContainsCidr(block, parseCidr('10.0.0.0/8')!)).toBe(false);
    expect(cidrContainsCidr(block, parseCidr('10.9.0.0/24')!)).toBe(false);
  });
});
