import { describe, expect, it } from 'vitest';
import { DriftCheckError } from '../../drift/errors.ts';
import { driftScore } from '../../drift/drift-score.ts';
import { FeatureSample, FeatureSamples } from '../../drift/feature-sample.ts';

function sample(values: readonly unknown[], source = 'baseline'): FeatureSample {
  const collected = new FeatureSample('f', source);
  values.forEach((value, index) => {
    collected.add(value, `data.jsonl:${index + 1}`);
  });
  return collected;
}

const categories = (counts: Record<string, number>) => Object.entries(counts).flatMap(([category, count]) => Array<string>(count).fill(category));

describe('driftScore', () => {
  it('bins numeric features at the baseline quantiles for psi, kl and chi2 (bins from the config)', () => {
    const baseline = sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const shifted = sample([3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'inputs');
    expect(driftScore('psi', baseline, shifted, 5)).toBeCloseTo(1.6580498377744515, 12);
    expect(driftScore('psi', baseline, sample([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 'inputs'), 5)).toBe(0);
    expect(driftScore('kl', baseline, shifted, 5)).toBeGreaterThan(0);
    expect(driftScore('chi2', baseline, shifted, 5)).toBeGreaterThan(0);
  });

  it('compares empirical distributions for ks and wasserstein', () => {
    const baseline = sample([0, 1, 3]);
    expect(driftScore('ks', baseline, sample([5, 6, 8], 'inputs'), 10)).toBe(1);
    expect(driftScore('wasserstein', baseline, sample([5, 6, 8], 'inputs'), 10)).toBeCloseTo(5, 14);
  });

  it('scores categorical features over the union of categories (PSI) or by total variation (ks, wasserstein)', () => {
    const baseline = sample(categories({ FR: 50, DE: 50 }));
    const inputs = sample(categories({ FR: 25, DE: 75 }), 'inputs');
    expect(driftScore('psi', baseline, inputs, 10)).toBeCloseTo(0.2746530721670274, 14);
    expect(driftScore('ks', baseline, inputs, 10)).toBeCloseTo(0.25, 14);
    expect(driftScore('wasserstein', baseline, inputs, 10)).toBeCloseTo(0.25, 14);
    // A category the baseline never saw gets the empty-bin share there: (0.5 − 1e-4)·ln(0.5/1e-4) + (0.5 − 1)·ln(0.5).
    const unseen = sample(categories({ FR: 50, IT: 50 }), 'inputs');
    expect(driftScore('psi', sample(categories({ FR: 100 })), unseen, 10)).toBeCloseTo((0.5 - 1e-4) * Math.log(0.5 / 1e-4) + -0.5 * Math.log(0.5), 12);
  });

  it('reads booleans as categories and counts nulls as missing', () => {
    const values = sample([true, false, null, undefined, true]);
    expect(values.kind).toBe('categorical');
    expect(values.size).toBe(3);
    expect(values.missing).toBe(2);
  });

  it('refuses a feature that mixes numbers and strings, naming the line', () => {
    expect(() => sample([1, 'two'])).toThrow(new DriftCheckError('data.jsonl:2: feature "f" mixes numbers and strings in the baseline'));
    expect(() => sample([{ nested: 1 }])).toThrow(/data\.jsonl:1: feature "f" must be a number, string, boolean or null/);
  });

  it('refuses a feature numeric in the baseline but categorical in the inputs', () => {
    expect(() => driftScore('psi', sample([1, 2]), sample(['a'], 'inputs'), 10)).toThrow('feature "f" is numeric in the baseline but categorical in the inputs');
  });

  it('collects only the watched features of each row', () => {
    const samples = new FeatureSamples(['a', 'b'], 'inputs');
    samples.addRow({ a: 1, b: 'x', c: 'ignored' }, 'l:1');
    samples.addRow({ a: 2 }, 'l:2');
    expect(samples.records).toBe(2);
    expect(samples.get('a').numbers).toEqual([1, 2]);
    expect(samples.get('b').missing).toBe(1);
  });
});
