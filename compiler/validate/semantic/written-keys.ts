/**
 * A name written as a YAML key can come out as something else: `1.10:` is the number 1.1, `~:` is
 * null, `True:` is the boolean true, and the mapping keeps only the number's, null's or boolean's
 * string. Only keys that look like such a string are compared with their source text, so the check
 * costs nothing on ordinary names.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { type DataPath, type ParsedFile, rangeOf } from '../../load/parsed-file.ts';

/** What String() makes of a number, null or boolean. */
const RETYPED = /^(?:-?(?:[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?|Infinity)|NaN|null|true|false)$/;

/** ML331 when the key at `path` was written as something YAML did not read as that string. */
export function retypedKeyDiagnostic(file: ParsedFile, path: DataPath, what: string): Diagnostic | undefined {
  const key = path.at(-1);
  if (typeof key !== 'string' || !RETYPED.test(key)) return undefined;
  const range = rangeOf(file, path, 'key');
  const written = file.text.slice(range.start.offset, range.end.offset).trim();
  if (written === key || written.startsWith('"') || written.startsWith("'") || written === '') return undefined;
  const reading = key === 'null' ? 'null' : key === 'true' || key === 'false' ? `the boolean ${key}` : `the number ${key}`;
  return diagnosticAt(file, path, 'ML331', `${what} \`${written}\` is read by YAML as ${reading}, so it becomes \`${key}\`.`, { target: 'key', hint: `Quote it: \`"${written}":\`.` });
}
