/** Orders strings by UTF-16 code units, independent of locale (the same order everywhere). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
