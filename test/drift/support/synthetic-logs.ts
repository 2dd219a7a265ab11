/**
 * Synthetic model inputs with known drift, reproducible from a seed: a baseline of feature maps and
 * logged requests as KServe payload-logger CloudEvents (v2 tensors) or feature maps, where chosen
 * features are shifted by a number of standard deviations.
 */

import { seededRandom } from '../../../compiler/support/seeded-random.ts';

export { seededRandom };

/** A normal variate by Box–Muller. */
export function normal(random: () => number, mean: number, deviation: number): number {
  const u = 1 - random();
  return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Feature rows: `amount` ~ N(100 + shift·15, 15), `tenure_days` ~ N(40, 10), `country` FR/DE/IT at 50/30/20 %. */
export function featureRows(count: number, seed: number, amountShiftSigmas = 0): Record<string, number | string>[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const pick = random();
    return { amount: normal(random, 100 + amountShiftSigmas * 15, 15), tenure_days: normal(random, 40, 10), country: pick < 0.5 ? 'FR' : pick < 0.8 ? 'DE' : 'IT' };
  });
}

/** JSON Lines of objects. */
export function jsonLines(values: readonly unknown[]): string {
  return values.map((value) => `${JSON.stringify(value)}\n`).join('');
}

/** A payload-logger request CloudEvent whose data is a v2 request with one tensor per feature. */
export function requestEvent(rows: readonly Record<string, number | string>[], time: Date, id: string): Record<string, unknown> {
  const names = Object.keys(rows[0]!);
  return {
    specversion: '1.0',
    id,
    source: 'http://localhost:9081/',
    type: 'org.kubeflow.serving.inference.request',
    time: time.toISOString(),
    datacontenttype: 'application/json',
    data: { inputs: names.map((name) => ({ name, shape: [rows.length], datatype: typeof rows[0]![name] === 'string' ? 'BYTES' : 'FP64', data: rows.map((row) => row[name]) })) },
  };
}

/** The matching response event (the drift check skips it). */
export function responseEvent(time: Date, id: string): Record<string, unknown> {
  return { specversion: '1.0', id, source: 'http://localhost:9081/', type: 'org.kubeflow.serving.inference.response', time: time.toISOString(), data: { outputs: [{ name: 'p', shape: [1], datatype: 'FP32', data: [0.5] }] } };
}
