/**
 * Predicates for the value formats the schema leaves as plain strings: DNS-1123 labels, version
 * keys, Kubernetes quantities, durations, calendar dates and cron expressions. Pure and total.
 */
import { robfigCronProblem } from './robfig-cron.ts';

/** Longest DNS-1123 label (and Kubernetes namespace name). */
export const MAX_LABEL_LENGTH = 63;

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Why `name` is not a DNS-1123 label, or undefined when it is one. */
export function dnsLabelProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > MAX_LABEL_LENGTH) return `it is ${name.length} characters long; the limit is ${MAX_LABEL_LENGTH}`;
  if (/[A-Z]/.test(name)) return 'it contains uppercase letters';
  if (!DNS_LABEL.test(name)) return 'only lowercase letters, digits and `-` are allowed, starting and ending with a letter or digit';
  return undefined;
}

/** A DNS-1123 label suggestion for an invalid name, e.g. `Fraud_API` → `fraud-api`. */
export function toDnsLabel(name: string): string {
  const label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LABEL_LENGTH)
    .replace(/-+$/, '');
  return label.length > 0 ? label : 'name';
}

const VERSION = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/** True for a model version key such as `1.4.0` or `2026-10-01_rc1`. */
export function isVersionKey(version: string): boolean {
  return VERSION.test(version);
}

const CPU = /^([0-9]+(\.[0-9]+)?|\.[0-9]+)m?$/;
const MEMORY = /^([0-9]+(\.[0-9]+)?|\.[0-9]+)([KMGTPE]i|[kMGTPE]|[eE][0-9]+)?$/;

/** Why `value` is not a CPU quantity (`500m`, `2`, `0.5`), or undefined when it is one. */
export function cpuQuantityProblem(value: string | number): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? undefined : 'it must be a positive number of cores';
  if (!CPU.test(value)) return 'write cores (`2`, `0.5`) or millicores (`500m`)';
  return Number.parseFloat(value) > 0 ? undefined : 'it must be more than zero';
}

/** Why `value` is not a memory quantity (`512Mi`, `4Gi`, `1e9`), or undefined when it is one. */
export function memoryQuantityProblem(value: string | number): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? undefined : 'it must be a positive number of bytes';
  if (/^[0-9.]+m$/.test(value)) return '`m` means thousandths of a byte; write `Mi` (mebibytes) or `M` (megabytes)';
  if (!MEMORY.test(value)) return 'write bytes with a binary (`512Mi`, `4Gi`) or decimal (`500M`, `1e9`) suffix';
  return Number.parseFloat(value) > 0 ? undefined : 'it must be more than zero';
}

const SUFFIX_FACTORS: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The amount a valid quantity stands for, in base units (cores, bytes): `500m` → 0.5, `1Gi` → 1073741824. */
export function quantityAmount(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:([eE][0-9]+)|([a-zA-Z]*))$/.exec(value);
  if (!match) return undefined;
  const number = Number.parseFloat(match[1]!);
  if (match[2]) return number * 10 ** Number(match[2].slice(1));
  const factor = SUFFIX_FACTORS[match[3] ?? ''];
  return factor === undefined ? undefined : number * factor;
}

const DURATION = /^[0-9]+[smhd]$/;

/** True for a duration such as `30m`, `24h` or `7d`. */
export function isDuration(value: string): boolean {
  return DURATION.test(value);
}

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (`2026-02-30` is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const cronProblems = new Map<string, string | undefined>();

/** Why `expression` is not a five-field cron expression (or a macro like `@daily`), or undefined. Memoised: orgs repeat schedules. */
export function cronProblem(expression: string): string | undefined {
  const trimmed = expression.trim();
  if (cronProblems.has(trimmed)) return cronProblems.get(trimmed);
  const problem = robfigCronProblem(trimmed);
  if (cronProblems.size >= 10_000) cronProblems.clear();
  cronProblems.set(trimmed, problem);
  return problem;
}
