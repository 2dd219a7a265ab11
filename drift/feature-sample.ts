/**
 * The values of one feature collected from a source: numbers (numeric features) or category counts
 * (strings and booleans). `null` and absent values are counted as missing; a feature whose values mix
 * numbers and categories is refused, since no statistic compares them.
 */
import { DriftCheckError, quote } from './errors.ts';
import type { FeatureRow } from './records/kserve-payload.ts';

/** What kind of values a sample holds (`empty` when it holds none). */
export type SampleKind = 'numeric' | 'categorical' | 'empty';

/** The collected values of one feature in one source. */
export class FeatureSample {
  readonly numbers: number[] = [];
  readonly categories = new Map<string, number>();
  missing = 0;

  constructor(
    readonly feature: string,
    readonly source: string,
  ) {}

  /** Numbers plus categorised values. */
  get size(): number {
    return this.numbers.length + [...this.categories.values()].reduce((sum, count) => sum + count, 0);
  }

  get kind(): SampleKind {
    if (this.numbers.length > 0) return 'numeric';
    return this.categories.size > 0 ? 'categorical' : 'empty';
  }

  /** Adds one value; `origin` names the line for messages. */
  add(value: unknown, origin: string): void {
    if (value === null || value === undefined) {
      this.missing++;
      return;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (this.categories.size > 0) this.refuseMix(origin);
      this.numbers.push(value);
      return;
    }
    if (typeof value === 'string' || typeof value === 'boolean') {
      if (this.numbers.length > 0) this.refuseMix(origin);
      const category = String(value);
      this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
      return;
    }
    throw new DriftCheckError(`${origin}: feature ${quote(this.feature)} must be a number, string, boolean or null, not ${quote(value, 40)}`);
  }

  private refuseMix(origin: string): never {
    throw new DriftCheckError(`${origin}: feature ${quote(this.feature)} mixes numbers and strings in the ${this.source}`);
  }
}

/** One sample per feature of one source, filled row by row. */
export class FeatureSamples {
  readonly byFeature: ReadonlyMap<string, FeatureSample>;
  records = 0;

  constructor(features: readonly string[], source: string) {
    this.byFeature = new Map(features.map((feature) => [feature, new FeatureSample(feature, source)]));
  }

  /** Adds the watched features of a row (other keys are ignored). */
  addRow(row: FeatureRow, origin: string): void {
    this.records++;
    for (const [feature, sample] of this.byFeature) sample.add(row[feature], origin);
  }

  get(feature: string): FeatureSample {
    return this.byFeature.get(feature)!;
  }
}
