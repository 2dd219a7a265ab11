/**
 * The drift check's configuration: the JSON the compiler writes into the drift-check ConfigMap
 * (`compiler/emit/monitoring/drift-check.ts`), plus `inputs` (where predictions are logged) and
 * optional tuning (`bins`). The file comes from a cluster any team's PR shapes, so every field is
 * checked and every problem reported at once; keys this version does not know are ignored with a
 * warning so a newer compiler can add fields.
 */
import { DriftConfigError, quote } from './errors.ts';

/** The drift statistics (the team schema's `monitoring.*.drift.method`). */
export const DRIFT_METHODS = ['psi', 'ks', 'kl', 'chi2', 'wasserstein'] as const;

/** One drift statistic. */
export type DriftMethod = (typeof DRIFT_METHODS)[number];

/** How logged lines are read: `features` (one feature map per line), `kserve` (payload-logger CloudEvents or bare v1/v2 payloads), or `auto` (per line). */
export const INPUT_FORMATS = ['auto', 'features', 'kserve'] as const;

/** One input format. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Where predictions are logged and how much of them to read. */
export interface InputsConfig {
  readonly uri: string;
  readonly format: InputFormat;
  /** Only events whose CloudEvent `time` is within this many milliseconds before now (undefined: all). */
  readonly windowMs: number | undefined;
  /** Feature names of positional instances (v1 arrays, v2 tensors of shape [N, F]). */
  readonly columns: readonly string[] | undefined;
  /** Most records read from one source; the rest is ignored (and said so). */
  readonly maxRecords: number;
  /** Fewest logged values a feature needs for a score; below it the score is not pushed. */
  readonly minSamples: number;
}

/** Where and how the scores are pushed. */
export interface PushConfig {
  readonly gateway: string;
  readonly job: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly metric: string;
}

/** Where a retraining run is submitted (written by `compiler/emit/monitoring/drift-retrain.ts`). */
export interface RetrainTarget {
  readonly cluster: string;
  readonly inCluster: boolean;
  readonly namespace: string;
  readonly pipeline: string;
  /** API server of the pipeline's cluster. */
  readonly server: string;
  readonly workflowTemplate: string;
}

/** A checked drift-check configuration. */
export interface DriftConfig {
  readonly baseline: string;
  readonly cluster: string;
  readonly deployment: string;
  readonly environment: string;
  readonly namespace: string;
  readonly features: readonly string[];
  readonly method: DriftMethod;
  readonly model: { readonly name: string; readonly version: string; readonly canaryVersion?: string };
  readonly push: PushConfig;
  readonly retrain: readonly RetrainTarget[];
  readonly schedule: string;
  readonly threshold: number;
  readonly inputs: InputsConfig;
  /** Quantile bins of numeric features for psi, kl and chi2 (default 10). */
  readonly bins: number;
}

/** A parsed config and the warnings about it (unknown keys). */
export interface ParsedDriftConfig {
  readonly config: DriftConfig;
  readonly warnings: readonly string[];
}

/** Labels the check puts on its own series; grouping labels may not reuse them. */
export const RESERVED_LABELS = ['feature', 'job', 'method', 'source'];

const KNOWN_KEYS = ['baseline', 'bins', 'cluster', 'deployment', 'environment', 'features', 'inputs', 'method', 'model', 'namespace', 'push', 'retrain', 'schedule', 'threshold'];
const INPUT_KEYS = ['columns', 'format', 'maxRecords', 'minSamples', 'uri', 'window'];
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const DURATION = /^([1-9][0-9]{0,8})(s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

class Checker {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];

  string(object: Json, key: string, path: string, required = true): string | undefined {
    const value = object[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.length === 0) {
      this.problems.push(`${path}${key} must be a non-empty string${value === undefined ? ' (missing)' : `, not ${quote(value)}`}`);
      return undefined;
    }
    return value;
  }

  integer(object: Json, key: string, path: string, min: number, max: number, fallback: number): number {
    const value = object[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${path}${key} must be an integer from ${min} to ${max}, not ${quote(value)}`);
      return fallback;
    }
    return value;
  }

  strings(value: unknown, path: string, max: number): string[] | undefined {
    if (!Array.isArray(value) || value.length === 0 || value.length > max || !value.every((item) => typeof item === 'string' && item.length > 0)) {
      this.problems.push(`${path} must be a list of 1 to ${max} non-empty strings${value === undefined ? ' (missing)' : ''}`);
      return undefined;
    }
    const duplicate = value.find((item, index) => value.indexOf(item) !== index);
    if (duplicate !== undefined) this.problems.push(`${path} lists ${quote(duplicate)} twice`);
    return value as string[];
  }

  unknownKeys(object: Json, known: readonly string[], path: string): void {
    for (const key of Object.keys(object).sort()) if (!known.includes(key)) this.warnings.push(`ignoring unknown config key ${path}${quote(key)}`);
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function checkPush(check: Checker, value: unknown): PushConfig | undefined {
  if (!isObject(value)) {
    check.problems.push('push must be an object with gateway, job, labels and metric');
    return undefined;
  }
  const gateway = check.string(value, 'gateway', 'push.');
  if (gateway !== undefined) {
    const url = parseUrl(gateway);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') check.problems.push(`push.gateway must be an http(s) URL without query, not ${quote(gateway)}`);
  }
  const job = check.string(value, 'job', 'push.');
  const metric = check.string(value, 'metric', 'push.');
  if (metric !== undefined && !METRIC_NAME.test(metric)) check.problems.push(`push.metric must be a Prometheus metric name, not ${quote(metric)}`);
  const labels: Record<string, string> = {};
  if (value.labels !== undefined && !isObject(value.labels)) check.problems.push('push.labels must be an object of label name → string value');
  for (const [name, labelValue] of Object.entries(isObject(value.labels) ? value.labels : {})) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) check.problems.push(`push.labels has an invalid label name ${quote(name)}`);
    else if (RESERVED_LABELS.includes(name)) check.problems.push(`push.labels may not set ${quote(name)}: the check sets it on each series`);
    else if (typeof labelValue !== 'string' || labelValue.length === 0) check.problems.push(`push.labels.${name} must be a non-empty string`);
    else labels[name] = labelValue;
  }
  check.unknownKeys(value, ['gateway', 'job', 'labels', 'metric'], 'push.');
  return gateway && job && metric ? { gateway: gateway.replace(/\/+$/, ''), job, labels, metric } : undefined;
}

function checkInputs(check: Checker, value: unknown): InputsConfig | undefined {
  if (value === undefined) {
    check.problems.push('inputs is missing: say where predictions are logged (inputs.uri: a path, an http(s):// URL or a directory)');
    return undefined;
  }
  if (!isObject(value)) {
    check.problems.push('inputs must be an object with at least uri');
    return undefined;
  }
  const uri = check.string(value, 'uri', 'inputs.');
  const format = value.format ?? 'auto';
  if (!INPUT_FORMATS.includes(format as InputFormat)) check.problems.push(`inputs.format must be one of ${INPUT_FORMATS.join(', ')}, not ${quote(format)}`);
  let windowMs: number | undefined;
  if (value.window !== undefined) {
    const match = typeof value.window === 'string' ? DURATION.exec(value.window) : null;
    if (match) windowMs = Number(match[1]) * UNIT_MS[match[2]!]!;
    else check.problems.push(`inputs.window must be a duration such as 90m, 1h or 7d, not ${quote(value.window)}`);
  }
  const columns = value.columns === undefined ? undefined : check.strings(value.columns, 'inputs.columns', 10_000);
  const maxRecords = check.integer(value, 'maxRecords', 'inputs.', 1, 100_000_000, 1_000_000);
  const minSamples = check.integer(value, 'minSamples', 'inputs.', 1, 100_000_000, 50);
  check.unknownKeys(value, INPUT_KEYS, 'inputs.');
  return uri ? { uri, format: format as InputFormat, windowMs, columns, maxRecords, minSamples } : undefined;
}

function checkModel(check: Checker, value: unknown): DriftConfig['model'] | undefined {
  if (!isObject(value)) {
    check.problems.push('model must be an object with name and version');
    return undefined;
  }
  const name = check.string(value, 'name', 'model.');
  const version = check.string(value, 'version', 'model.');
  const canaryVersion = check.string(value, 'canaryVersion', 'model.', false);
  return name && version ? { name, version, ...(canaryVersion ? { canaryVersion } : {}) } : undefined;
}

function checkRetrain(check: Checker, value: unknown): RetrainTarget[] {
  if (!Array.isArray(value)) {
    check.problems.push('retrain must be a list of retraining targets');
    return [];
  }
  return value.flatMap((target, index): RetrainTarget[] => {
    const path = `retrain[${index}].`;
    if (!isObject(target)) {
      check.problems.push(`retrain[${index}] must be an object`);
      return [];
    }
    const [cluster, namespace, pipeline, server, workflowTemplate] = ['cluster', 'namespace', 'pipeline', 'server', 'workflowTemplate'].map((key) => check.string(target, key, path));
    if (typeof target.inCluster !== 'boolean') check.problems.push(`${path}inCluster must be true or false`);
    const url = server === undefined ? undefined : parseUrl(server);
    if (server !== undefined && (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '')) check.problems.push(`${path}server must be an http(s) URL, not ${quote(server)}`);
    if (workflowTemplate !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(workflowTemplate)) check.problems.push(`${path}workflowTemplate must be a Kubernetes name, not ${quote(workflowTemplate)}`);
    if (namespace !== undefined && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) check.problems.push(`${path}namespace must be a Kubernetes namespace name, not ${quote(namespace)}`);
    check.unknownKeys(target, ['cluster', 'inCluster', 'namespace', 'pipeline', 'server', 'workflowTemplate'], path);
    return cluster && namespace && pipeline && server && workflowTemplate && typeof target.inCluster === 'boolean' ? [{ cluster, inCluster: target.inCluster, namespace, pipeline, server: server.replace(/\/+$/, ''), workflowTemplate }] : [];
  });
}

/** Checks a parsed config object; throws {@link DriftConfigError} listing every problem. */
export function checkDriftConfig(value: unknown): ParsedDriftConfig {
  if (!isObject(value)) throw new DriftConfigError(['the config must be a JSON object']);
  const check = new Checker();
  check.unknownKeys(value, KNOWN_KEYS, '');
  if (value.baseline === null) check.problems.push('baseline is null: the deployed model version declares no training dataset; set monitoring.<deployment>.drift.baseline');
  const baseline = value.baseline === null ? undefined : check.string(value, 'baseline', '');
  const [cluster, deployment, environment, namespace, schedule] = ['cluster', 'deployment', 'environment', 'namespace', 'schedule'].map((key) => check.string(value, key, ''));
  const features = check.strings(value.features, 'features', 1_000);
  const method = value.method as DriftMethod;
  if (!DRIFT_METHODS.includes(method)) check.problems.push(`method must be one of ${DRIFT_METHODS.join(', ')}, not ${quote(value.method)}`);
  const threshold = value.threshold;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) check.problems.push(`threshold must be a number above 0, not ${quote(threshold)}`);
  const model = checkModel(check, value.model);
  const push = checkPush(check, value.push);
  const retrain = checkRetrain(check, value.retrain ?? []);
  const inputs = checkInputs(check, value.inputs);
  const bins = check.integer(value, 'bins', '', 2, 1_000, 10);
  if (check.problems.length > 0) throw new DriftConfigError(check.problems);
  return {
    config: { baseline: baseline!, cluster: cluster!, deployment: deployment!, environment: environment!, namespace: namespace!, features: features!, method, model: model!, push: push!, retrain, schedule: schedule!, threshold: threshold as number, inputs: inputs!, bins },
    warnings: check.warnings,
  };
}

/** Parses the config file's text (JSON); throws {@link DriftConfigError} on any problem. */
export function parseDriftConfig(text: string): ParsedDriftConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DriftConfigError([`not valid JSON (${(error as Error).message})`]);
  }
  return checkDriftConfig(value);
}
