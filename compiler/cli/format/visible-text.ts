/**
 * User text on its way to a terminal or a CI log is made visible, never obeyed: control characters
 * (C0 — newline and tab included — DEL, C1), line and paragraph separators and the bidirectional
 * overrides of "Trojan Source" are printed as escapes (`\n`, `\u001b`), so a config cannot clear the
 * screen, forge a `::error::` line or reorder what a reviewer reads. JSON output gets the same for the
 * characters `JSON.stringify` leaves raw.
 */

const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const HIDDEN_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(character: string): string {
  return SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One line of text with every control character written as an escape. */
export function visibleText(text: string): string {
  return text.replace(HIDDEN, escapeCharacter);
}

/** Like `visibleText`, but tabs stay (code frames line carets up under tab-indented source). */
export function visibleSource(text: string): string {
  return text.replace(HIDDEN_BUT_TAB, escapeCharacter);
}

/** JSON text with the characters `JSON.stringify` leaves raw (DEL, C1, separators, bidi controls) escaped; still the same JSON value. */
export function escapeJsonControls(json: string): string {
  return json.replace(RAW_IN_JSON, escapeCharacter);
}
