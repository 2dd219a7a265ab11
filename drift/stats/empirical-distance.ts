/**
 * Distances between the empirical distribution functions of two numeric samples (no binning):
 * the two-sample Kolmogorov–Smirnov statistic and the first Wasserstein (earth mover's) distance.
 * Both take samples sorted ascending (see `sortedCopy`).
 */

/**
 * Walks the distinct values of both sorted samples in order and calls `visit` with each value and the
 * two empirical CDFs just after it (F(x) = share of the sample ≤ x).
 */
function walkCdfs(a: ArrayLike<number>, b: ArrayLike<number>, visit: (value: number, cdfA: number, cdfB: number) => void): void {
  if (a.length === 0 || b.length === 0) throw new RangeError('empirical distance of an empty sample');
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const value = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < a.length && a[i]! <= value) i++;
    while (j < b.length && b[j]! <= value) j++;
    visit(value, i / a.length, j / b.length);
  }
}

/** The two-sample Kolmogorov–Smirnov statistic D = supₓ |F_a(x) − F_b(x)|, between 0 and 1. */
export function kolmogorovSmirnov(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>): number {
  let largest = 0;
  walkCdfs(sortedA, sortedB, (_value, cdfA, cdfB) => {
    largest = Math.max(largest, Math.abs(cdfA - cdfB));
  });
  return largest;
}

/** The first Wasserstein distance W₁ = ∫ |F_a(x) − F_b(x)| dx, in the feature's own unit. */
export function wassersteinDistance(sortedA: ArrayLike<number>, sortedB: ArrayLike<number>): number {
  let total = 0;
  let previous: { value: number; gap: number } | undefined;
  walkCdfs(sortedA, sortedB, (value, cdfA, cdfB) => {
    if (previous) total += previous.gap * (value - previous.value);
    previous = { value, gap: Math.abs(cdfA - cdfB) };
  });
  return total;
}
