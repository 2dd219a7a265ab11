/** Kubernetes resource quantities (`500m`, `2`, `4Gi`, `1G`) as numbers, and back to short text. */

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|K|M|G|T|P|E)?$/;

/** The value of a quantity, or 0 when it is malformed (validation reports those). */
export function parseQuantity(quantity: string | number): number {
  if (typeof quantity === 'number') return quantity;
  const match = QUANTITY.exec(quantity.trim());
  if (!match) return 0;
  const suffix = match[2] ?? '';
  return Number(match[1]) * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

function trim(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** CPU cores for people: `2.5`, `-0.5`. */
export function formatCpu(cores: number): string {
  return trim(cores);
}

/** Bytes for people: `4 GiB`, `512 MiB`. */
export function formatMemory(bytes: number): string {
  const magnitude = Math.abs(bytes);
  if (magnitude >= 2 ** 40) return `${trim(bytes / 2 ** 40)} TiB`;
  if (magnitude >= 2 ** 30) return `${trim(bytes / 2 ** 30)} GiB`;
  if (magnitude >= 2 ** 20) return `${trim(bytes / 2 ** 20)} MiB`;
  if (magnitude >= 2 ** 10) return `${trim(bytes / 2 ** 10)} KiB`;
  return `${trim(bytes)} B`;
}
