/**
 * One feature's drift statistic, by method and kind of feature:
 *
 * | method | numeric feature | categorical feature |
 * |---|---|---|
 * | psi | PSI over the baseline's quantile bins | PSI over the categories |
 * | kl | KL(inputs ‖ baseline) over the same bins | over the categories |
 * | chi2 | Pearson χ² divergence over the same bins | over the categories |
 * | ks | two-sample Kolmogorov–Smirnov D | total variation distance |
 * | wasserstein | W₁ (earth mover's) distance | total variation distance |
 *
 * For categories, KS and W₁ have no order or distance to use; the total variation distance is what both
 * become when every two categories are equally far apart (the largest difference in the share of any set).
 */
import { compareCodePoints } from './compare.ts';
import type { DriftMethod } from './config.ts';
import { DriftCheckError, quote } from './errors.ts';
import type { FeatureSample } from './feature-sample.ts';
import { chiSquareDivergence, klDivergence, populationStabilityIndex, totalVariationDistance } from './stats/divergences.ts';
import { kolmogorovSmirnov, wassersteinDistance } from './stats/empirical-distance.ts';
import { binCounts, quantileEdges, sortedCopy } from './stats/quantile-bins.ts';

const DIVERGENCES = { psi: populationStabilityIndex, kl: klDivergence, chi2: chiSquareDivergence } as const;

function numericScore(method: DriftMethod, baseline: readonly number[], inputs: readonly number[], bins: number): number {
  const sortedBaseline = sortedCopy(baseline);
  if (method === 'ks') return kolmogorovSmirnov(sortedBaseline, sortedCopy(inputs));
  if (method === 'wasserstein') return wassersteinDistance(sortedBaseline, sortedCopy(inputs));
  const edges = quantileEdges(sortedBaseline, bins);
  return DIVERGENCES[method](binCounts(edges, sortedBaseline), binCounts(edges, inputs));
}

function categoricalScore(method: DriftMethod, baseline: ReadonlyMap<string, number>, inputs: ReadonlyMap<string, number>): number {
  const categories = [...new Set([...baseline.keys(), ...inputs.keys()])].sort(compareCodePoints);
  const baselineCounts = categories.map((category) => baseline.get(category) ?? 0);
  const inputCounts = categories.map((category) => inputs.get(category) ?? 0);
  if (method === 'ks' || method === 'wasserstein') return totalVariationDistance(baselineCounts, inputCounts);
  return DIVERGENCES[method](baselineCounts, inputCounts);
}

/** The drift statistic of one feature; both samples must be non-empty and of the same kind. */
export function driftScore(method: DriftMethod, baseline: FeatureSample, inputs: FeatureSample, bins: number): number {
  if (baseline.kind === 'empty' || inputs.kind === 'empty') throw new RangeError('drift score of an empty sample');
  if (baseline.kind !== inputs.kind) throw new DriftCheckError(`feature ${quote(baseline.feature)} is ${baseline.kind} in the baseline but ${inputs.kind} in the inputs`);
  return baseline.kind === 'numeric' ? numericScore(method, baseline.numbers, inputs.numbers, bins) : categoricalScore(method, baseline.categories, inputs.categories);
}
