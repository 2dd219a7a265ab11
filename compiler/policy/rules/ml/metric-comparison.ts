/** Parses and checks metric requirements such as `>= 0.93`. */

/** A parsed requirement. */
export interface MetricComparison {
  readonly operator: '>=' | '>' | '<=' | '<' | '==';
  readonly threshold: number;
}

/** Parses `>= 0.93` (a bare number means `>=`); undefined when malformed. */
export function parseMetricComparison(text: string): MetricComparison | undefined {
  const match = /^\s*(>=|<=|==|>|<)?\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i.exec(text);
  if (!match) return undefined;
  return { operator: (match[1] ?? '>=') as MetricComparison['operator'], threshold: Number(match[2]) };
}

/** True when `value` meets the comparison. */
export function meetsComparison(value: number, comparison: MetricComparison): boolean {
  switch (comparison.operator) {
    case '>=':
      return value >= comparison.threshold;
    case '>':
      return value > comparison.threshold;
    case '<=':
      return value <= comparison.threshold;
    case '<':
      return value < comparison.threshold;
    case '==':
      return value === comparison.threshold;
  }
}
