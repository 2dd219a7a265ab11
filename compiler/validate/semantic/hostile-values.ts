/**
 * Text and numbers no manifest may receive: control characters (NUL, ESC, CR, the rest of C0 but tab
 * and newline, DEL and C1) in any string or key (ML327), and numbers beyond what a manifest holds
 * exactly — infinities, NaN, integers past 2^53 (ML328). The walk runs only on files whose text could
 * hold one (a control character, a backslash escape, a plain number with an exponent or 16 digits,
 * `.inf`/`.nan`), so ordinary config pays two regular-expression scans of its text.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { ParsedFile } from '../../load/parsed-file.ts';

/** A control character that must not reach a manifest (tab and newline are text). */
export const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A control character or a backslash (an escape in a double-quoted string) anywhere in the text. */
const MAYBE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\\]/;
/** A plain scalar that YAML reads as a number with an exponent, 16 or more digits, a long hex number, or `.inf`/`.nan`. */
const MAYBE_HUGE_NUMBER = /(?:^|[\s[{,:])[-+]?(?:(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)[eE][-+]?[0-9]+|[0-9]{16,}|0x[0-9a-fA-F]{14,}|\.(?:inf|Inf|INF|nan|NaN|NAN))(?=[ \t]*(?:$|[,\]}#]))/m;

/** `\u001b` for an ESC: how a control character is named in messages. */
function codeOf(text: string): string {
  const char = FORBIDDEN_CONTROL.exec(text)?.[0] ?? '';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Control characters and unrepresentable numbers in one parsed file. */
export function hostileValueDiagnostics(file: ParsedFile): Diagnostic[] {
  if (!MAYBE_CONTROL.test(file.text) && !MAYBE_HUGE_NUMBER.test(file.text)) return [];
  const diagnostics: Diagnostic[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      if (FORBIDDEN_CONTROL.test(value)) diagnostics.push(diagnosticAt(file, path, 'ML327', `The text holds the control character ${codeOf(value)}, which must not reach a manifest or a terminal.`, { hint: 'Remove the control character.' }));
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
        const written = Number.isNaN(value) ? '.nan' : !Number.isFinite(value) ? '.inf' : String(value);
        diagnostics.push(diagnosticAt(file, path, 'ML328', `The number ${written} cannot be written exactly into a manifest.`, { hint: 'Write a finite number of at most 15 digits.' }));
      }
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) walk(value[index], [...path, index]);
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_CONTROL.test(key)) {
          diagnostics.push(diagnosticAt(file, [...path, key], 'ML327', `The key holds the control character ${codeOf(key)}, which must not reach a manifest or a terminal.`, { target: 'key', hint: 'Remove the control character.' }));
          continue;
        }
        walk((value as Record<string, unknown>)[key], [...path, key]);
      }
    }
  };
  walk(file.value, []);
  return diagnostics;
}
