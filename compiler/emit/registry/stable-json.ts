/** Deterministic JSON: object keys sorted at every level, so equal data always gives equal bytes. */
import { sortKeys } from '../render.ts';

/** `JSON.stringify` with sorted keys; `indent` 0 gives compact output. Undefined values are dropped. */
export function stableJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent);
}
