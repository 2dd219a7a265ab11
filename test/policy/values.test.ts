/** Small value helpers the rules rely on: quantities, versions, image references, metric comparisons. */
import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity } from '../../compiler/policy/quantity.ts';
import { parseImageReference } from '../../compiler/policy/rules/k8s/image-reference.ts';
import { meetsComparison, parseMetricComparison } from '../../compiler/policy/rules/ml/metric-comparison.ts';
import { compareVersions } from '../../compiler/policy/rules/ml/model-version-order.ts';
import { toCelValue } from '../../compiler/policy/cel/cel-value.ts';

describe('parseQuantity', () => {
  it('reads CPU and memory quantities', () => {
    expect(parseQuantity('500m')).toBe(0.5);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity(3)).toBe(3);
    expect(parseQuantity('4Gi')).toBe(4 * 2 ** 30);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('lots')).toBeUndefined();
    expect(formatQuantity(12 * 2 ** 30, 'memory')).toBe('12Gi');
  });
});

describe('compareVersions', () => {
  it('orders numeric segments numerically', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBeGreaterThan(0);
    expect(compareVersions('1.4.0', '1.4.0')).toBe(0);
    expect(compareVersions('1.4', '1.4.1')).toBeLessThan(0);
  });
});

describe('parseImageReference', () => {
  it('splits registry ports from tags', () => {
    expect(parseImageReference('registry:5000/team/app')).toEqual({ repository: 'registry:5000/team/app' });
    expect(parseImageReference('ghcr.io/acme/app:1.2@sha256:abc')).toEqual({ repository: 'ghcr.io/acme/app', tag: '1.2', digest: 'sha256:abc' });
  });
});

describe('metric comparisons', () => {
  it('parses and applies operators', () => {
    expect(parseMetricComparison('>= 0.93')).toEqual({ operator: '>=', threshold: 0.93 });
    expect(parseMetricComparison('0.5')).toEqual({ operator: '>=', threshold: 0.5 });
    expect(parseMetricComparison('about 1')).toBeUndefined();
    expect(meetsComparison(0.2, { operator: '<', threshold: 0.25 })).toBe(true);
    expect(meetsComparison(0.93, { operator: '>', threshold: 0.93 })).toBe(false);
  });
});

describe('toCelValue', () => {
  it('turns integers into BigInt and keeps doubles', () => {
    expect(toCelValue({ replicas: { min: 2 }, traffic: 0.5, tags: [1, 'a'] })).toEqual({ replicas: { min: 2n }, traffic: 0.5, tags: [1n, 'a'] });
  });
});
