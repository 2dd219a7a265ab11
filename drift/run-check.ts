/**
 * One drift check: read the baseline and the window of logged inputs, score every watched feature,
 * and push the scores with the check's bookkeeping gauges to the Pushgateway (one PUT, replacing the
 * previous push of the same deployment), then, if a feature drifted and the config names retraining
 * targets, submit their runs. Everything it touches comes in through {@link CheckDependencies}.
 */
import type { DriftConfig } from './config.ts';
import { DriftCheckError, quote } from './errors.ts';
import { FeatureSamples, type SampleKind } from './feature-sample.ts';
import { driftScore } from './drift-score.ts';
import { type MetricFamily, renderExposition } from './push/exposition.ts';
import { pushMetrics } from './push/pushgateway.ts';
import { lineRecords, type RecordOptions } from './records/record-lines.ts';
import { type RetrainDependencies, submitRetraining } from './retrain/submit-retraining.ts';
import { displayUri, readerFor, type SourceReader } from './sources/source-reader.ts';

/** Gauge: number of values of each feature read from each source (`source`: baseline | inputs). */
export const SAMPLES_METRIC = 'mlops_drift_check_samples';

/** Gauge: when the check last finished successfully (Unix seconds). */
export const LAST_SUCCESS_METRIC = 'mlops_drift_check_last_success_timestamp_seconds';

/** What the check reads from and writes to. */
export interface CheckDependencies {
  readonly readers: readonly SourceReader[];
  readonly fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** One line of progress (stderr in the CLI). */
  readonly log: (line: string) => void;
  /** How retraining runs are submitted when drift is found. */
  readonly retrain: RetrainDependencies;
}

/** The outcome for one feature. */
export interface FeatureResult {
  readonly feature: string;
  readonly kind: SampleKind;
  readonly baselineValues: number;
  readonly inputValues: number;
  /** Undefined when the inputs held fewer than `inputs.minSamples` values. */
  readonly score: number | undefined;
}

/** The outcome of a check. */
export interface CheckResult {
  readonly features: readonly FeatureResult[];
  /** The text exposition pushed (or, in a dry run, that would be). */
  readonly exposition: string;
}

async function collect(config: DriftConfig, dependencies: CheckDependencies, uri: string, source: 'baseline' | 'inputs', options: RecordOptions): Promise<FeatureSamples> {
  const samples = new FeatureSamples(config.features, source);
  const skipped = new Map<string, number>();
  const limit = config.inputs.maxRecords;
  reading: for await (const line of readerFor(dependencies.readers, uri).lines(uri)) {
    const records = lineRecords(line, options);
    if ('skipped' in records) {
      skipped.set(records.skipped, (skipped.get(records.skipped) ?? 0) + 1);
      continue;
    }
    for (const row of records.rows) {
      if (samples.records >= limit) {
        dependencies.log(`${source}: read the first ${limit} records of ${quote(displayUri(uri))} (inputs.maxRecords); ignoring the rest`);
        break reading;
      }
      samples.addRow(row, line.origin);
    }
  }
  const skips = [...skipped].map(([reason, count]) => `${count} ${reason}`).join(', ');
  dependencies.log(`${source}: ${samples.records} records from ${quote(displayUri(uri))}${skips ? ` (skipped lines: ${skips})` : ''}`);
  return samples;
}

function families(config: DriftConfig, results: readonly FeatureResult[], nowMs: number): MetricFamily[] {
  return [
    {
      name: config.push.metric,
      help: `Drift statistic of each input feature against the baseline (label method: ${config.method}).`,
      type: 'gauge',
      samples: results.filter((result) => result.score !== undefined).map((result) => ({ labels: { feature: result.feature, method: config.method }, value: result.score! })),
    },
    {
      name: SAMPLES_METRIC,
      help: 'Values of each feature the last drift check read, per source (baseline or inputs).',
      type: 'gauge',
      samples: results.flatMap((result) => [
        { labels: { feature: result.feature, source: 'baseline' }, value: result.baselineValues },
        { labels: { feature: result.feature, source: 'inputs' }, value: result.inputValues },
      ]),
    },
    { name: LAST_SUCCESS_METRIC, help: 'When the drift check last finished successfully, in Unix seconds.', type: 'gauge', samples: [{ labels: {}, value: Math.floor(nowMs / 1000) }] },
  ];
}

/** Runs the check; pushes unless `dryRun`. Throws `DriftCheckError` on any failure of its own. */
export async function runDriftCheck(config: DriftConfig, dependencies: CheckDependencies, options: { readonly dryRun?: boolean } = {}): Promise<CheckResult> {
  const started = dependencies.now();
  const common = { format: config.inputs.format, columns: config.inputs.columns };
  const baseline = await collect(config, dependencies, config.baseline, 'baseline', { ...common, notBeforeMs: undefined });
  const inputs = await collect(config, dependencies, config.inputs.uri, 'inputs', { ...common, notBeforeMs: config.inputs.windowMs === undefined ? undefined : started - config.inputs.windowMs });
  const results = config.features.map((feature): FeatureResult => {
    const reference = baseline.get(feature);
    const current = inputs.get(feature);
    if (reference.kind === 'empty') throw new DriftCheckError(`feature ${quote(feature)} has no value in the baseline ${quote(displayUri(config.baseline))}`);
    const enough = current.size >= config.inputs.minSamples;
    const score = enough ? driftScore(config.method, reference, current, config.bins) : undefined;
    dependencies.log(
      score === undefined
        ? `${feature}: ${current.size} logged values, fewer than inputs.minSamples (${config.inputs.minSamples}); no score pushed`
        : `${feature}: ${config.method} ${score.toFixed(4)} (${score > config.threshold ? 'above' : 'within'} threshold ${config.threshold}; ${reference.size} baseline and ${current.size} logged values)`,
    );
    return { feature, kind: reference.kind, baselineValues: reference.size, inputValues: current.size, score };
  });
  const drifted = results.filter((result) => result.score !== undefined && result.score > config.threshold);
  const exposition = renderExposition(families(config, results, dependencies.now()));
  if (!options.dryRun) {
    await pushMetrics(config.push.gateway, { job: config.push.job, labels: config.push.labels }, exposition, dependencies.fetch);
    dependencies.log(`pushed ${results.filter((result) => result.score !== undefined).length} score(s) to ${quote(config.push.gateway)}`);
  }
  if (drifted.length > 0 && config.retrain.length > 0) {
    const findings = drifted.map((result) => ({ feature: result.feature, score: result.score! }));
    if (options.dryRun) dependencies.log(`drift above the threshold: would submit ${config.retrain.length} retraining run(s)`);
    else await submitRetraining(config, findings, dependencies.retrain, dependencies.now(), dependencies.log);
  }
  return { features: results, exposition };
}
