/**
 * IP addresses and CIDR blocks (IPv4 and IPv6), as NetworkPolicy `ipBlock`s use them: parsing,
 * membership and containment. Addresses are kept as bigints with their bit width, so both families
 * share one comparison.
 */

/** A parsed CIDR block: its first address, prefix length and family width (32 or 128). */
export interface CidrBlock {
  readonly base: bigint;
  readonly prefix: number;
  readonly bits: 32 | 128;
  /** Whether the text set bits after the prefix (`10.1.2.3/8`), which Kubernetes' strict CIDR validation refuses. */
  readonly hostBitsSet: boolean;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/** An IP address as a number and its width, or undefined when `text` is not an IPv4 or IPv6 address. */
export function parseIp(text: string): { value: bigint; bits: 32 | 128 } | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { value: v4, bits: 32 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { value: v6, bits: 128 };
}

function mask(bits: number, prefix: number): bigint {
  const width = BigInt(bits);
  return ((1n << width) - 1n) ^ ((1n << (width - BigInt(prefix))) - 1n);
}

/** A CIDR such as `10.0.0.0/8` or `fd00::/8`, or undefined when malformed. */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > address.bits) return undefined;
  const base = address.value & mask(address.bits, prefix);
  return { base, prefix, bits: address.bits, hostBitsSet: base !== address.value };
}

/** Whether the address `ip` lies in `block`. */
export function cidrContainsIp(block: CidrBlock, ip: { value: bigint; bits: 32 | 128 }): boolean {
  return block.bits === ip.bits && (ip.value & mask(block.bits, block.prefix)) === block.base;
}

/** Whether every address of `inner` lies in `outer`. */
export function cidrContainsCidr(outer: CidrBlock, inner: CidrBlock): boolean {
  return outer.bits === inner.bits && inner.prefix >= outer.prefix && (inner.base & mask(outer.bits, outer.prefix)) === outer.base;
}
