/**
 * Divergences between two discrete distributions given as counts over the same bins or categories:
 * the baseline's shares `p` and the inputs' shares `q`. A bin that is empty on either side gets the
 * share {@link EMPTY_BIN_SHARE} instead of 0 (no renormalisation), so the logarithms stay finite.
 */

/** Share given to an empty bin in PSI, KL and χ² (a common choice: an emptied bin that held 10 % adds ≈ 0.69 to PSI). */
export const EMPTY_BIN_SHARE = 1e-4;

/** Shares of counts, with {@link EMPTY_BIN_SHARE} for empty bins. */
export function smoothedShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) throw new RangeError('shares of an empty sample');
  return counts.map((count) => (count === 0 ? EMPTY_BIN_SHARE : count / total));
}

function pairs(baseline: readonly number[], inputs: readonly number[]): [number[], number[]] {
  if (baseline.length !== inputs.length) throw new RangeError('baseline and inputs are counted over different bins');
  return [smoothedShares(baseline), smoothedShares(inputs)];
}

/** Population stability index: Σ (qᵢ − pᵢ) · ln(qᵢ / pᵢ). 0 for identical shares; symmetric in p and q. */
export function populationStabilityIndex(baselineCounts: readonly number[], inputCounts: readonly number[]): number {
  const [p, q] = pairs(baselineCounts, inputCounts);
  return p.reduce((sum, pi, i) => sum + (q[i]! - pi) * Math.log(q[i]! / pi), 0);
}

/** Kullback–Leibler divergence of the inputs from the baseline, KL(q ‖ p) = Σ qᵢ · ln(qᵢ / pᵢ), in nats. */
export function klDivergence(baselineCounts: readonly number[], inputCounts: readonly number[]): number {
  const [p, q] = pairs(baselineCounts, inputCounts);
  return q.reduce((sum, qi, i) => sum + qi * Math.log(qi / p[i]!), 0);
}

/**
 * Pearson's χ² divergence Σ (qᵢ − pᵢ)² / pᵢ: the χ² goodness-of-fit statistic of the inputs against the
 * baseline's shares divided by the number of inputs, so it does not grow with traffic.
 */
export function chiSquareDivergence(baselineCounts: readonly number[], inputCounts: readonly number[]): number {
  const [p, q] = pairs(baselineCounts, inputCounts);
  return p.reduce((sum, pi, i) => sum + (q[i]! - pi) ** 2 / pi, 0);
}

/** Total variation distance ½ Σ |qᵢ − pᵢ| of the raw shares (no smoothing): the largest difference in the probability of any event. */
export function totalVariationDistance(baselineCounts: readonly number[], inputCounts: readonly number[]): number {
  if (baselineCounts.length !== inputCounts.length) throw new RangeError('baseline and inputs are counted over different bins');
  const baselineTotal = baselineCounts.reduce((sum, count) => sum + count, 0);
  const inputTotal = inputCounts.reduce((sum, count) => sum + count, 0);
  if (baselineTotal === 0 || inputTotal === 0) throw new RangeError('shares of an empty sample');
  return baselineCounts.reduce((sum, count, i) => sum + Math.abs(inputCounts[i]! / inputTotal - count / baselineTotal), 0) / 2;
}
