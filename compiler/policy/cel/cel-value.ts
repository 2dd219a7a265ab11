/**
 * Converts config and manifest data to CEL values. CEL distinguishes int from double, and JSON
 * numbers are all doubles in JavaScript; integers become BigInt so `object.replicas + 1` type-checks
 * as int + int. Results are cached per object, since many rules read the same object.
 */

const cache = new WeakMap<object, unknown>();

/** A CEL-ready copy of a plain JSON value. */
export function toCelValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value;
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  let converted: unknown;
  if (Array.isArray(value)) converted = value.map(toCelValue);
  else {
    const record: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) record[key] = toCelValue(item);
    converted = record;
  }
  cache.set(value, converted);
  return converted;
}
