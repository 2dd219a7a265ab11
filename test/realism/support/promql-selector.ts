/**
 * PromQL vector selectors (`metric{label="v",code=~"5.."}`) as data, and the label sets that satisfy
 * them: what synthetic input series for an alert's expression must carry to be selected (or not).
 */

/** One label matcher. */
export interface LabelMatcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** A vector selector. */
export interface VectorSelector {
  readonly metric: string;
  readonly matchers: readonly LabelMatcher[];
}

/** Regex source of one selector (metric name and braces; no `__name__` matcher, no offset). */
export const SELECTOR_SOURCE = String.raw`[a-zA-Z_:][a-zA-Z0-9_:]*\{(?:[^}"]|"(?:[^"\\]|\\.)*")*\}`;

/** Parses a selector such as `up{namespace="a",job_name=~"x-.*"}`. */
export function parseSelector(text: string): VectorSelector {
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\}$/s.exec(text.trim());
  if (!match) throw new Error(`not a vector selector: ${text}`);
  const matchers: LabelMatcher[] = [];
  const body = match[2]!;
  const pattern = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/gy;
  let consumed = 0;
  for (let found = pattern.exec(body); found; found = pattern.exec(body)) {
    matchers.push({ label: found[1]!, op: found[2] as LabelMatcher['op'], value: JSON.parse(`"${found[3]!}"`) as string });
    consumed = pattern.lastIndex;
  }
  if (consumed !== body.length) throw new Error(`cannot parse the matchers of ${text}`);
  return { metric: match[1]!, matchers };
}

const fullMatch = (pattern: string) => new RegExp(`^(?:${pattern})$`, 's');

/** Whether a label set satisfies one matcher (an absent label is the empty string, as in Prometheus). */
export function satisfies(labels: Readonly<Record<string, string>>, matcher: LabelMatcher): boolean {
  const value = labels[matcher.label] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return fullMatch(matcher.value).test(value);
    case '!~':
      return !fullMatch(matcher.value).test(value);
  }
}

/** The first top-level alternative of a regular expression (`5..|error` → `5..`). */
function firstAlternative(pattern: string): string {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i]!;
    if (character === '\\') i++;
    else if (character === '(' || character === '[') depth++;
    else if (character === ')' || character === ']') depth--;
    else if (character === '|' && depth === 0) return pattern.slice(0, i);
  }
  return pattern;
}

/** A value matching a (simple) regular expression: its first alternative, with `.*`/`.+` a run of digits, `.` a digit, escapes their character. */
export function valueMatching(pattern: string): string {
  let value = '';
  const first = firstAlternative(pattern);
  for (let i = 0; i < first.length; i++) {
    const character = first[i]!;
    if (character === '\\') value += first[++i] ?? '';
    else if (character === '.' && (first[i + 1] === '*' || first[i + 1] === '+')) {
      value += '29412345';
      i++;
    } else if (character === '.') value += '0';
    else value += character;
  }
  if (!fullMatch(pattern).test(value)) throw new Error(`cannot synthesize a value matching /${pattern}/ (got ${JSON.stringify(value)}): extend valueMatching`);
  return value;
}

/** A value the (simple) regular expression does not match. */
export function valueNotMatching(pattern: string): string {
  const value = ['200', 'ok', '0', 'none'].find((candidate) => !fullMatch(pattern).test(candidate));
  if (value === undefined) throw new Error(`cannot synthesize a value outside /${pattern}/`);
  return value;
}

/** The labels of a series the selector selects: its `=` values, synthesized values for `=~`, plus `extra` (checked). */
export function selectedLabels(selector: VectorSelector, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const labels: Record<string, string> = { ...extra };
  for (const matcher of selector.matchers) {
    if (matcher.op === '=') labels[matcher.label] = matcher.value;
    if (matcher.op === '=~') labels[matcher.label] = valueMatching(matcher.value);
  }
  const broken = selector.matchers.find((matcher) => !satisfies(labels, matcher));
  if (broken) throw new Error(`synthetic labels ${JSON.stringify(labels)} do not satisfy ${broken.label}${broken.op}"${broken.value}"`);
  return labels;
}

/** A series in PromQL notation, as promtool's `input_series` takes it. */
export function seriesText(metric: string, labels: Readonly<Record<string, string>>): string {
  const body = Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(',');
  return `${metric}{${body}}`;
}
