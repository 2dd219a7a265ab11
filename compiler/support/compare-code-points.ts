/**
 * The one string order of the compiler: by UTF-16 code units, independent of locale, so sorted
 * output (files, objects, teams, diagnostics) is the same bytes on every machine.
 */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
