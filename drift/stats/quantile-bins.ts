/**
 * Quantile binning of a numeric baseline, shared by PSI, KL and χ²: the cut points are the baseline's
 * `i / bins` quantiles (linear interpolation between order statistics, numpy's default "type 7"),
 * duplicates removed, and the bins are the intervals (-∞, e₁], (e₁, e₂], …, (eₖ, +∞). Each bin holds
 * about the same share of the baseline; a baseline with many ties (say, mostly zeros) gets fewer bins.
 */

/** Sorts numbers ascending into a new Float64Array. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** The `p`-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation ("type 7"). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample');
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}

/** The distinct inner cut points of `bins` quantile bins of a sorted baseline. */
export function quantileEdges(sortedBaseline: ArrayLike<number>, bins: number): number[] {
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = quantileSorted(sortedBaseline, i / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return edges;
}

/** Index of the bin of `value`: the number of edges strictly below it (bins are closed on the right). */
export function binIndex(edges: readonly number[], value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (edges[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Counts of values per bin (`edges.length + 1` bins). */
export function binCounts(edges: readonly number[], values: ArrayLike<number>): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) counts[binIndex(edges, values[i]!)]! += 1;
  return counts;
}
