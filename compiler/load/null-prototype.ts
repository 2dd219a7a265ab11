/**
 * Parsed YAML mappings inherit nothing (their prototype is `NO_PROTOTYPE`, see support/own.ts),
 * whichever parser read them: a key such as
 * `constructor` or `__proto__` is then an ordinary own property, and a lookup of a name the user did
 * not declare answers undefined instead of something inherited from `Object.prototype`.
 */
import { defineMappingTag } from 'js-yaml';
import { emptyRecord, hasNoPrototype } from '../support/own.ts';

/**
 * js-yaml's `!!map` building objects that inherit nothing. Non-string scalar keys become strings as with
 * the default tag (the loader reports keys YAML did not read as strings where a name is expected);
 * complex keys are refused, which sends the file to the full parser and its located diagnostic.
 */
export const nullPrototypeMapTag = defineMappingTag('tag:yaml.org,2002:map', {
  create: () => emptyRecord<unknown>(),
  identify: (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value),
  represent: (value: Record<string, unknown>) => new Map(Object.entries(value)),
  addPair: (container: Record<string, unknown>, key: unknown, value: unknown) => {
    if (key !== null && typeof key === 'object') return 'complex keys are not supported';
    container[String(key)] = value;
    return '';
  },
  has: (container: Record<string, unknown>, key: unknown) => (key === null || typeof key !== 'object') && Object.hasOwn(container, String(key)),
  keys: (container: Record<string, unknown>) => Object.keys(container),
  get: (container: Record<string, unknown>, key: unknown) => {
    const name = String(key);
    return Object.hasOwn(container, name) ? container[name] : null;
  },
});

/**
 * A deep copy of a plain value whose mappings inherit nothing. Values whose top already inherits
 * nothing are returned as they are (the fast path builds them so).
 */
export function withNullPrototypes<T>(value: T): T {
  if (value === null || typeof value !== 'object' || hasNoPrototype(value)) return value;
  return copy(value, new Map()) as T;
}

/** Copies a tree; a node reached twice (a YAML alias) is copied once and shared, as in the original. */
function copy(value: unknown, copies: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const result: unknown[] = [];
    copies.set(value, result);
    for (const item of value) result.push(copy(item, copies));
    return result;
  }
  const result = emptyRecord<unknown>();
  copies.set(value, result);
  for (const key of Object.keys(value)) result[key] = copy((value as Record<string, unknown>)[key], copies);
  return result;
}
