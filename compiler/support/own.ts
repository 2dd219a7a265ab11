/**
 * Config maps are keyed by user-chosen names (`constructor`, `__proto__`, `hasOwnProperty` are all
 * valid YAML keys), so they never inherit from `Object.prototype` and membership is `Object.hasOwn`:
 * a name never reaches `Object.prototype`. Their prototype is `NO_PROTOTYPE`, an empty frozen object
 * whose own prototype is null: as safe as a null prototype (nothing to inherit, no `__proto__`
 * accessor), but V8 keeps such objects in its fast mode, where `Object.create(null)` objects start in
 * dictionary mode and made emit about a tenth slower.
 */

/** The prototype of config maps: empty, frozen, itself without a prototype. */
export const NO_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/** Whether `value` is a config map made here (or a null-prototype object). */
export function hasNoPrototype(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === NO_PROTOTYPE || prototype === null;
}

/** An empty config map to fill: inherits nothing. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(NO_PROTOTYPE) as Record<string, T>;
}

/** A frozen, empty config map: the default of an absent one. */
export const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze(emptyRecord<never>());

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
