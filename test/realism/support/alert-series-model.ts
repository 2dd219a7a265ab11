/**
 * Synthetic input series for the alerting rules the compiler emits, derived from each rule's
 * expression: the expression is matched against the shapes `compiler/emit/monitoring/alert-rules.ts`
 * builds (a latency quantile of a histogram, an error ratio of a counter, an availability ratio with or
 * without an `absent(up == 1)` fallback, a `max` of a gauge, the age of a timestamp gauge), its selectors, windows and threshold are read from
 * it, and series are built that put the expression on either side of the threshold. An expression of
 * no known shape fails the test (extend this model), so a changed emitter cannot go untested.
 *
 * Timing: series start at t = 0 with one sample a minute. An expression over `rate()` has its first
 * value at t = 1m (two samples); a gauge at t = 0. A rule with `for: F` fires at first-value + F.
 */
import { type LabelMatcher, parseSelector, SELECTOR_SOURCE, satisfies, selectedLabels, seriesText, valueNotMatching, type VectorSelector } from './promql-selector.ts';

/** One promtool input series. */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

/** A synthetic situation and the alerts expected at given times (label sets besides the rule's own labels). */
export interface AlertScenario {
  readonly name: string;
  readonly series: readonly InputSeries[];
  /** Seconds from t = 0 at which the first value of the expression exists. */
  readonly firstValueAt: number;
  /** Label sets (from the expression) of the alerts expected once the condition held for `for`. */
  readonly firing: readonly Readonly<Record<string, string>>[];
}

/** The labels a gauge's series carry where the platform knows them (the drift check's pushes), by metric. */
export type KnownGaugeSeries = (selector: VectorSelector) => readonly Readonly<Record<string, string>>[] | undefined;

/** The scenarios of one alert: some that must fire, some that must stay silent. */
export interface AlertScenarios {
  readonly shape: string;
  readonly breaking: readonly AlertScenario[];
  readonly healthy: readonly AlertScenario[];
}

const NUMBER = String.raw`(-?\d+(?:\.\d+)?(?:e-?\d+)?)`;
const WINDOW = String.raw`\[(\d+[smhd])\]`;
const SEL = `(${SELECTOR_SOURCE})`;
/** Per-minute request count of synthetic traffic (large, so shares are exact to 0.01 %). */
const REQUESTS_PER_MINUTE = 10_000;
/**
 * Breaking series sit 10 % beyond the threshold and healthy ones 10 % inside it, so a threshold off by
 * more than that fails one of the two.
 */
const NEAR_ABOVE = 1.1;
const NEAR_BELOW = 0.9;
/** Extra target labels of scraped series (aggregations must drop them). */
const SCRAPED = { instance: '10.0.0.1:8080' };

const regex = (source: string) => new RegExp(`^${source}$`);
const SHAPES = {
  latencyQuantile: regex(String.raw`histogram_quantile\(${NUMBER}, sum by \(le\) \(rate\(${SEL}${WINDOW}\)\)\)(?: \* ${NUMBER})? > ${NUMBER}`),
  errorRatio: regex(String.raw`sum\(rate\(${SEL}${WINDOW}\)\) / sum\(rate\(${SEL}${WINDOW}\)\) \* 100 > ${NUMBER}`),
  availability: regex(String.raw`\(1 - sum\(rate\(${SEL}${WINDOW}\)\) / sum\(rate\(${SEL}${WINDOW}\)\)\) \* 100 < ${NUMBER}(?: or absent\(${SEL} == 1\) \* 0)?`),
  staleness: regex(String.raw`time\(\) - max\(${SEL}\) > ${NUMBER}`),
  gaugeMax: regex(String.raw`max(?: by \(([a-zA-Z_][a-zA-Z0-9_]*)\))? ?\(${SEL}\) > ${NUMBER}`),
};

/** Steps of a series covering `minutes` minutes. */
const steps = (minutes: number) => Math.ceil(minutes) + 1;
const constant = (value: number, minutes: number): string => `${value}+0x${steps(minutes)}`;
const counter = (perMinute: number, minutes: number): string => `0+${perMinute}x${steps(minutes)}`;

/** Labels that satisfy `all` but not the one matcher `bad` adds (e.g. `code=~"5.."` → `code="200"`). */
function labelsOutside(all: VectorSelector, bad: VectorSelector): Record<string, string> {
  const extra = bad.matchers.filter((matcher) => !all.matchers.some((other) => other.label === matcher.label && other.op === matcher.op && other.value === matcher.value));
  if (extra.length !== 1 || extra[0]!.op !== '=~') throw new Error(`an error ratio's numerator must add one =~ matcher to the denominator's, found ${JSON.stringify(extra)}`);
  const matcher: LabelMatcher = extra[0]!;
  const labels = selectedLabels(all, { ...SCRAPED, [matcher.label]: valueNotMatching(matcher.value) });
  if (satisfies(labels, matcher)) throw new Error('the good series would be counted as bad');
  return labels;
}

/** Series of a request counter where `badPerMinute` of {@link REQUESTS_PER_MINUTE} requests match the bad selector. */
function ratioSeries(all: VectorSelector, bad: VectorSelector, badPerMinute: number, minutes: number): InputSeries[] {
  if (all.metric !== bad.metric) throw new Error(`an error ratio must count one metric, found ${bad.metric} / ${all.metric}`);
  return [
    { series: seriesText(bad.metric, selectedLabels(bad, SCRAPED)), values: counter(badPerMinute, minutes) },
    { series: seriesText(all.metric, labelsOutside(all, bad)), values: counter(REQUESTS_PER_MINUTE - badPerMinute, minutes) },
  ];
}

function latencyQuantile(match: RegExpExecArray, minutes: number): AlertScenarios {
  const [, , selectorText, , scaleText, thresholdText] = match;
  const selector = parseSelector(selectorText!);
  const limit = Number(thresholdText) / Number(scaleText ?? 1);
  // Buckets at 0.9, 1.1 and 1.2 times the limit: all traffic in the lowest bucket keeps every quantile under
  // 0.9 × the limit; all traffic between 1.1 and 1.2 × the limit puts every quantile there.
  const bounds = [limit * NEAR_BELOW, limit * NEAR_ABOVE, limit * (NEAR_ABOVE + 0.1), Number.POSITIVE_INFINITY];
  const histogram = (fastShare: number): InputSeries[] =>
    bounds.map((bound, index) => ({
      series: seriesText(selector.metric, selectedLabels(selector, { ...SCRAPED, le: bound === Number.POSITIVE_INFINITY ? '+Inf' : String(bound) })),
      values: counter(index === 0 || index === 1 ? Math.round(REQUESTS_PER_MINUTE * fastShare) : REQUESTS_PER_MINUTE, minutes),
    }));
  return {
    shape: 'latency quantile of a histogram',
    breaking: [{ name: `every request between ${bounds[1]} and ${bounds[2]} (limit ${limit})`, series: histogram(0), firstValueAt: 60, firing: [{}] }],
    healthy: [
      { name: `every request under ${bounds[0]} (limit ${limit})`, series: histogram(1), firstValueAt: 60, firing: [] },
      { name: 'no traffic', series: histogram(0).map((series) => ({ ...series, values: constant(0, minutes) })), firstValueAt: 60, firing: [] },
    ],
  };
}

function errorRatio(match: RegExpExecArray, minutes: number): AlertScenarios {
  const bad = parseSelector(match[1]!);
  const all = parseSelector(match[3]!);
  const percent = Number(match[5]);
  const breakingBad = Math.ceil((REQUESTS_PER_MINUTE * Math.min(percent * NEAR_ABOVE, (percent + 100) / 2)) / 100);
  const healthyBad = Math.floor((REQUESTS_PER_MINUTE * percent * NEAR_BELOW) / 100);
  if (!((breakingBad / REQUESTS_PER_MINUTE) * 100 > percent) || (healthyBad / REQUESTS_PER_MINUTE) * 100 > percent) throw new Error(`cannot place an error share around ${percent} %`);
  return {
    shape: 'error ratio of a counter',
    breaking: [{ name: `${(breakingBad / REQUESTS_PER_MINUTE) * 100} % errors (limit ${percent} %)`, series: ratioSeries(all, bad, breakingBad, minutes), firstValueAt: 60, firing: [{}] }],
    healthy: [{ name: `${(healthyBad / REQUESTS_PER_MINUTE) * 100} % errors (limit ${percent} %)`, series: ratioSeries(all, bad, healthyBad, minutes), firstValueAt: 60, firing: [] }],
  };
}

function availability(match: RegExpExecArray, minutes: number): AlertScenarios {
  const bad = parseSelector(match[1]!);
  const all = parseSelector(match[3]!);
  const percent = Number(match[5]);
  const up = match[6] ? parseSelector(match[6]) : undefined;
  const budget = 100 - percent;
  const breakingBad = Math.ceil((REQUESTS_PER_MINUTE * Math.min(budget * NEAR_ABOVE, (budget + 100) / 2)) / 100);
  const healthyBad = Math.floor((REQUESTS_PER_MINUTE * budget * NEAR_BELOW) / 100);
  if (!((1 - breakingBad / REQUESTS_PER_MINUTE) * 100 < percent) || (1 - healthyBad / REQUESTS_PER_MINUTE) * 100 < percent) throw new Error(`cannot place an availability around ${percent} %`);
  const targets = (value: number): InputSeries[] => (up ? [{ series: seriesText(up.metric, selectedLabels(up, SCRAPED)), values: constant(value, minutes) }] : []);
  const ratio = { name: `${(1 - breakingBad / REQUESTS_PER_MINUTE) * 100} % available (objective ${percent} %), targets up`, series: [...targets(1), ...ratioSeries(all, bad, breakingBad, minutes)], firstValueAt: 60, firing: [{}] };
  // absent() of anything but a plain selector returns one series without labels (Prometheus docs, absent()).
  const down = { name: 'every target down, no traffic', series: [...targets(0), ...ratioSeries(all, bad, 0, minutes).map((series) => ({ ...series, values: constant(0, minutes) }))], firstValueAt: 0, firing: [{}] };
  return {
    shape: up ? 'availability ratio of a counter, or no target up' : 'availability ratio of a counter',
    breaking: up ? [ratio, down] : [ratio],
    healthy: [{ name: `${(1 - healthyBad / REQUESTS_PER_MINUTE) * 100} % available (objective ${percent} %), targets up`, series: [...targets(1), ...ratioSeries(all, bad, healthyBad, minutes)], firstValueAt: 60, firing: [] }],
  };
}

/** `time() - max(<timestamp gauge>) > T`: breaking, the timestamp stops at t = 0; healthy, it is refreshed every minute. */
function staleness(match: RegExpExecArray, minutes: number): AlertScenarios {
  const selector = parseSelector(match[1]!);
  const limit = Number(match[2]);
  const first = (Math.floor(limit / 60) + 1) * 60;
  const span = minutes + first / 60;
  const series = (values: string): InputSeries[] => [{ series: seriesText(selector.metric, selectedLabels(selector)), values }];
  return {
    shape: 'age of a timestamp gauge',
    breaking: [{ name: `last update at t = 0 (limit ${limit} s)`, series: series(constant(0, span)), firstValueAt: first, firing: [{}] }],
    healthy: [{ name: `updated every minute (limit ${limit} s)`, series: series(`0+60x${steps(span)}`), firstValueAt: first, firing: [] }],
  };
}

function gaugeMax(match: RegExpExecArray, minutes: number, known: KnownGaugeSeries): AlertScenarios {
  const by = match[1];
  const selector = parseSelector(match[2]!);
  const threshold = Number(match[3]);
  const high = threshold === 0 ? 1 : threshold * NEAR_ABOVE;
  const low = threshold === 0 ? 0 : threshold * NEAR_BELOW;
  const labelSets = known(selector) ?? (by ? ['a', 'b'].map((value) => selectedLabels(selector, { [by]: `synthetic-${value}` })) : [selectedLabels(selector)]);
  const series = (values: readonly number[]) => labelSets.map((labels, index) => ({ series: seriesText(selector.metric, labels), values: constant(values[index]!, minutes) }));
  const firingLabels = (labels: Readonly<Record<string, string>>) => (by ? { [by]: labels[by] ?? '' } : {});
  return {
    shape: by ? `max by (${by}) of a gauge` : 'max of a gauge',
    breaking: [{ name: `${selector.metric} ${high} on one series, ${low} on the others (threshold ${threshold})`, series: series(labelSets.map((_, index) => (index === 0 ? high : low))), firstValueAt: 0, firing: [firingLabels(labelSets[0]!)] }],
    healthy: [{ name: `${selector.metric} ${low} everywhere (threshold ${threshold})`, series: series(labelSets.map(() => low)), firstValueAt: 0, firing: [] }],
  };
}

/** The scenarios of an alert expression with series covering `minutes` minutes past its first value; throws on an unknown shape. */
export function alertScenarios(expression: string, minutes: number, known: KnownGaugeSeries): AlertScenarios {
  const text = expression.replace(/\s+/g, ' ').trim();
  let match = SHAPES.latencyQuantile.exec(text);
  if (match) return latencyQuantile(match, minutes);
  match = SHAPES.errorRatio.exec(text);
  if (match) return errorRatio(match, minutes);
  match = SHAPES.availability.exec(text);
  if (match) return availability(match, minutes);
  match = SHAPES.gaugeMax.exec(text);
  if (match) return gaugeMax(match, minutes, known);
  match = SHAPES.staleness.exec(text);
  if (match) return staleness(match, minutes);
  throw new Error(`no series model for the expression shape of: ${text} (extend test/realism/support/alert-series-model.ts)`);
}

