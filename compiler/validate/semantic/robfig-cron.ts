/**
 * Cron schedules exactly as Kubernetes CronJob and Argo CronWorkflow accept them: both parse with
 * robfig/cron v3's standard parser (`cron.ParseStandard`), and Kubernetes refuses a `TZ=`/`CRON_TZ=`
 * prefix on top. Five fields (minute 0–59, hour 0–23, day of month 1–31, month 1–12 or JAN–DEC, day of
 * week 0–6 or SUN–SAT, names in any case); each a comma-separated list of `*` or `?`, `n`, `n-m`, each
 * optionally `/step` (step ≥ 1; `n/step` runs to the field's maximum); or a descriptor (`@daily`, …,
 * `@every <duration>`). Quartz extensions (`L`, `W`, `#`, Jenkins' `H`) are not cron here.
 */

interface FieldBounds {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: ReadonlyMap<string, number>;
}

const MONTH_NAMES = new Map(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, index) => [name, index + 1]));
const DAY_NAMES = new Map(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((name, index) => [name, index]));

const FIELDS: readonly FieldBounds[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day of week', min: 0, max: 6, names: DAY_NAMES },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Go's time.ParseDuration grammar (a sign, then one or more number-unit pairs; or a bare 0). */
const GO_DURATION = /^[-+]?(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;

/** strconv.Atoi of a non-negative number: an optional sign and decimal digits, nothing else. */
function integer(text: string): number | undefined {
  if (!/^[-+]?[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function bound(text: string, field: FieldBounds): number | string {
  const named = field.names?.get(text.toLowerCase());
  if (named !== undefined) return named;
  const value = integer(text);
  return value ?? `\`${text}\` is not a number${field.names ? ' or a name' : ''} in the ${field.name} field`;
}

function rangeProblem(expression: string, field: FieldBounds): string | undefined {
  const rangeAndStep = expression.split('/');
  if (rangeAndStep.length > 2) return `\`${expression}\` has more than one \`/\``;
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = field.min;
    end = field.max;
  } else {
    if (lowAndHigh.length > 2) return `\`${expression}\` has more than one \`-\``;
    const low = bound(lowAndHigh[0]!, field);
    if (typeof low === 'string') return low;
    start = low;
    end = low;
    if (lowAndHigh.length === 2) {
      const high = bound(lowAndHigh[1]!, field);
      if (typeof high === 'string') return high;
      end = high;
    }
  }
  if (rangeAndStep.length === 2) {
    const step = integer(rangeAndStep[1]!);
    if (step === undefined) return `the step of \`${expression}\` is not a whole number`;
    if (step === 0) return `the step of \`${expression}\` must be at least 1`;
    if (lowAndHigh.length === 1) end = field.max;
  }
  if (start < field.min) return `\`${expression}\` starts below ${field.min}, the ${field.name} minimum`;
  if (end > field.max) return `\`${expression}\` ends above ${field.max}, the ${field.name} maximum`;
  if (start > end) return `\`${expression}\` starts after it ends`;
  return undefined;
}

/** Why robfig/cron's standard parser (as Kubernetes and Argo run it) refuses `schedule`, or undefined. */
export function robfigCronProblem(schedule: string): string | undefined {
  const spec = schedule.trim();
  if (spec === '') return 'it is empty';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) return 'a `TZ=` prefix is refused by Kubernetes; set `timezone` instead';
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ') && GO_DURATION.test(spec.slice('@every '.length))) return undefined;
    return `\`${spec}\` is not a descriptor (\`@hourly\`, \`@daily\`, \`@midnight\`, \`@weekly\`, \`@monthly\`, \`@yearly\`, \`@annually\`, \`@every <duration>\`)`;
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) return `it has ${fields.length} field${fields.length === 1 ? '' : 's'}; expected 5`;
  for (let position = 0; position < 5; position++) {
    for (const expression of fields[position]!.split(',')) {
      if (expression === '') continue;
      const problem = rangeProblem(expression, FIELDS[position]!);
      if (problem) return problem;
    }
  }
  return undefined;
}
