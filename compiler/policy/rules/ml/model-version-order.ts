/** Orders version strings: numeric segments numerically (`1.10.0` > `1.9.2`), others as text. */

/** Negative when a < b, positive when a > b, 0 when equal. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.\-_+]/);
  const right = b.split(/[.\-_+]/);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const x = left[index];
    const y = right[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const bothNumeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = bothNumeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return 0;
}
