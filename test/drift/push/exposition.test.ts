import { describe, expect, it } from 'vitest';
import { escapeLabelValue, formatValue, renderExposition } from '../../../drift/push/exposition.ts';
import { groupingPath } from '../../../drift/push/pushgateway.ts';

describe('text exposition', () => {
  it('writes HELP, TYPE and one line per sample', () => {
    const text = renderExposition([{ name: 'mlops_drift_score', help: 'Drift.', type: 'gauge', samples: [{ labels: { feature: 'amount', method: 'psi' }, value: 0.25 }] }, { name: 'up_since', help: 'a\\b\nc', type: 'gauge', samples: [{ labels: {}, value: 3 }] }]);
    expect(text).toBe('# HELP mlops_drift_score Drift.\n# TYPE mlops_drift_score gauge\nmlops_drift_score{feature="amount",method="psi"} 0.25\n# HELP up_since a\\\\b\\nc\n# TYPE up_since gauge\nup_since 3\n');
  });

  it('escapes backslashes, quotes and newlines in label values', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('writes special values as Go parses them', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-7, 2].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '1e-7', '2']);
  });
});

describe('Pushgateway grouping path', () => {
  it('puts the job and each grouping label in the path', () => {
    expect(groupingPath({ job: 'mlops-drift-check', labels: { mlops_deployment: 'fraud-api', namespace: 'fraud-prod' } })).toBe('/metrics/job/mlops-drift-check/mlops_deployment/fraud-api/namespace/fraud-prod');
  });

  it('percent-encodes values and uses base64 for empty values and values with a slash', () => {
    expect(groupingPath({ job: 'a b', labels: { x: 'c/d', y: '', z: 'é?' } })).toBe(`/metrics/job/a%20b/x@base64/${Buffer.from('c/d').toString('base64url')}/y@base64/=/z/%C3%A9%3F`);
  });
});
