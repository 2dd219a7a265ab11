/**
 * Config maps are keyed by user-chosen names (`constructor`, `__proto__`, `hasOwnProperty` are all
 * valid YAML keys), so they are null-prototype objects and membership is `Object.hasOwn`: a name
 * never reaches `Object.prototype`.
 */

/** A frozen, empty null-prototype record: the default of an absent config map. */
export const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze(Object.create(null) as Record<string, never>);

/** An empty null-prototype record to fill. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The record's own entry at `key`, never one inherited from `Object.prototype`. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A null-prototype copy of a record (its keys and values as they are). */
export function nullPrototypeCopy<T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> {
  const copy = emptyRecord<T>();
  if (record) for (const key of Object.keys(record)) copy[key] = record[key] as T;
  return copy;
}
