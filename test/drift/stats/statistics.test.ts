/**
 * The drift statistics against known answers: hand-computed small cases, and reference values from
 * SciPy 1.17 (`scipy.stats.ks_2samp(x, y).statistic`, `scipy.stats.wasserstein_distance`,
 * `scipy.stats.entropy(q, p)`, `numpy.quantile`, default method) for the samples below.
 */
import { describe, expect, it } from 'vitest';
import { chiSquareDivergence, EMPTY_BIN_SHARE, klDivergence, populationStabilityIndex, totalVariationDistance } from '../../../drift/stats/divergences.ts';
import { kolmogorovSmirnov, wassersteinDistance } from '../../../drift/stats/empirical-distance.ts';
import { binCounts, binIndex, quantileEdges, quantileSorted, sortedCopy } from '../../../drift/stats/quantile-bins.ts';

const X = [0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47];
const Y = [2.2, 1.66, 1.38, 0.2, 0.36, 0.0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.37, 0.38, 0.7, 0.52, -0.71];
const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('quantile bins', () => {
  it('cuts at the type-7 quantiles, as numpy.quantile does', () => {
    expect(quantileEdges(sortedCopy(ONE_TO_TEN), 5)).toEqual([2.8, 4.6, 6.4, 8.2].map((edge) => expect.closeTo(edge, 12)));
    const sortedX = sortedCopy(X);
    expect(quantileSorted(sortedX, 0.1)).toBeCloseTo(-1.096, 12);
    expect(quantileSorted(sortedX, 0.5)).toBeCloseTo(0.37, 12);
    expect(quantileSorted(sortedX, 0.9)).toBeCloseTo(1.508, 12);
  });

  it('drops repeated cut points of a tied baseline, leaving fewer bins', () => {
    expect(quantileEdges(sortedCopy([0, 0, 0, 0, 0, 0, 0, 0, 1, 2]), 10)).toEqual([0, expect.closeTo(0.2, 12), expect.closeTo(1.1, 12)]);
  });

  it('closes bins on the right: a value on a cut point falls in the bin below it', () => {
    expect(binIndex([1, 2], 0)).toBe(0);
    expect(binIndex([1, 2], 1)).toBe(0);
    expect(binIndex([1, 2], 1.5)).toBe(1);
    expect(binIndex([1, 2], 2)).toBe(1);
    expect(binIndex([1, 2], 9)).toBe(2);
    expect(binCounts([2.8, 4.6, 6.4, 8.2], ONE_TO_TEN)).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('population stability index', () => {
  it('is 0 for identical samples', () => {
    expect(populationStabilityIndex([5, 3, 2], [5, 3, 2])).toBe(0);
    expect(populationStabilityIndex([50, 30, 20], [5, 3, 2])).toBeCloseTo(0, 15);
  });

  it('matches a hand computation: (0.25 − 0.5)·ln(0.5) + (0.75 − 0.5)·ln(1.5)', () => {
    expect(populationStabilityIndex([50, 50], [25, 75])).toBeCloseTo(0.2746530721670274, 14);
  });

  it('is symmetric in baseline and inputs', () => {
    expect(populationStabilityIndex([25, 75], [50, 50])).toBeCloseTo(populationStabilityIndex([50, 50], [25, 75]), 14);
  });

  it('gives an empty bin the share 1e-4: 1..10 shifted by 2 over quintile bins', () => {
    // Baseline shares 0.2 each; inputs 3..12 → [0, 2, 2, 2, 4] → (1e-4 − 0.2)·ln(1e-4/0.2) + 0.2·ln 2.
    expect(EMPTY_BIN_SHARE).toBe(1e-4);
    const edges = quantileEdges(sortedCopy(ONE_TO_TEN), 5);
    const shifted = ONE_TO_TEN.map((value) => value + 2);
    expect(binCounts(edges, shifted)).toEqual([0, 2, 2, 2, 4]);
    expect(populationStabilityIndex(binCounts(edges, ONE_TO_TEN), binCounts(edges, shifted))).toBeCloseTo(1.6580498377744515, 12);
  });

  it('refuses counts over different bins and empty samples', () => {
    expect(() => populationStabilityIndex([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => populationStabilityIndex([0, 0], [1, 2])).toThrow(RangeError);
  });
});

describe('KL, χ² and total variation', () => {
  it('KL(q‖p) matches scipy.stats.entropy(q, p)', () => {
    expect(klDivergence([50, 50], [25, 75])).toBeCloseTo(0.13081203594113697, 14);
    expect(klDivergence([3, 7], [3, 7])).toBe(0);
  });

  it('χ² divergence is the χ² statistic per input: chisquare([25, 75], [50, 50]) = 25 over 100 inputs', () => {
    expect(chiSquareDivergence([50, 50], [25, 75])).toBeCloseTo(0.25, 14);
    expect(chiSquareDivergence([1, 1, 2], [2, 2, 4])).toBe(0);
  });

  it('total variation is half the L1 distance of the shares, without smoothing', () => {
    expect(totalVariationDistance([50, 50], [25, 75])).toBeCloseTo(0.25, 14);
    expect(totalVariationDistance([1, 0], [0, 1])).toBe(1);
    expect(totalVariationDistance([2, 2], [1, 1])).toBe(0);
  });
});

describe('two-sample Kolmogorov–Smirnov D', () => {
  it('matches scipy.stats.ks_2samp', () => {
    expect(kolmogorovSmirnov(sortedCopy([1, 2, 3, 4, 5]), sortedCopy([3, 4, 5, 6, 7]))).toBeCloseTo(0.4, 14);
    expect(kolmogorovSmirnov(sortedCopy(X), sortedCopy(Y))).toBeCloseTo(0.23, 14);
  });

  it('steps over tied values in both samples at once (ks_2samp: 0.3)', () => {
    expect(kolmogorovSmirnov(sortedCopy([1, 1, 2, 2, 3]), sortedCopy([1, 2, 2, 3, 3, 3]))).toBeCloseTo(0.3, 14);
  });

  it('is 0 for identical samples and 1 for disjoint ones', () => {
    expect(kolmogorovSmirnov(sortedCopy(X), sortedCopy(X))).toBe(0);
    expect(kolmogorovSmirnov(sortedCopy([1, 2]), sortedCopy([3, 4]))).toBe(1);
  });
});

describe('Wasserstein W₁', () => {
  it('matches scipy.stats.wasserstein_distance', () => {
    expect(wassersteinDistance(sortedCopy([0, 1, 3]), sortedCopy([5, 6, 8]))).toBeCloseTo(5, 14);
    expect(wassersteinDistance(sortedCopy(X), sortedCopy(Y))).toBeCloseTo(0.6071, 12);
    expect(wassersteinDistance(sortedCopy([1, 1, 2, 2, 3]), sortedCopy([1, 2, 2, 3, 3, 3]))).toBeCloseTo(0.5333333333333334, 14);
  });

  it('is the shift of a shifted sample and 0 for identical ones', () => {
    expect(wassersteinDistance(sortedCopy(X), sortedCopy(X.map((value) => value + 1.5)))).toBeCloseTo(1.5, 12);
    expect(wassersteinDistance(sortedCopy(X), sortedCopy(X))).toBe(0);
  });

  it('refuses empty samples', () => {
    expect(() => wassersteinDistance(sortedCopy([]), sortedCopy([1]))).toThrow(RangeError);
    expect(() => kolmogorovSmirnov(sortedCopy([1]), sortedCopy([]))).toThrow(RangeError);
  });
});
