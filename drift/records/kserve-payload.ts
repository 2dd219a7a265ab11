/**
 * Feature rows of a KServe inference request payload (the `data` of a payload-logger CloudEvent):
 * - v1 / TF-serving rows: `{"instances": [...]}` or `{"inputs": [...]}` — each instance a feature map,
 *   or a positional array named by `columns`;
 * - v1 columnar: `{"inputs": {"amount": [1, 2], "country": ["FR", "DE"]}}`;
 * - v2 (Open Inference Protocol): `{"inputs": [{"name", "shape", "datatype", "data"}]}` — a tensor of
 *   shape [N] or [N, 1] is the feature it is named after; a tensor of shape [N, F] is split by `columns`.
 */
import { DriftCheckError, quote } from '../errors.ts';

/** One logged request's features by name. */
export type FeatureRow = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function positional(values: readonly unknown[], columns: readonly string[] | undefined, origin: string): FeatureRow {
  if (!columns) throw new DriftCheckError(`${origin}: positional instances need inputs.columns to name their features`);
  if (values.length !== columns.length) throw new DriftCheckError(`${origin}: an instance has ${values.length} values but inputs.columns names ${columns.length}`);
  return Object.fromEntries(columns.map((column, index) => [column, values[index]]));
}

function rows(instances: readonly unknown[], columns: readonly string[] | undefined, origin: string): FeatureRow[] {
  return instances.map((instance) => {
    if (isObject(instance)) return instance;
    if (Array.isArray(instance)) return positional(instance, columns, origin);
    throw new DriftCheckError(`${origin}: an instance must be an object or an array, not ${quote(instance)}`);
  });
}

function columnar(inputs: Record<string, unknown>, origin: string): FeatureRow[] {
  const entries = Object.entries(inputs);
  const length = Array.isArray(entries[0]?.[1]) ? (entries[0]![1] as unknown[]).length : 0;
  if (!entries.every(([, values]) => Array.isArray(values) && values.length === length)) throw new DriftCheckError(`${origin}: columnar inputs must be lists of equal length`);
  return Array.from({ length }, (_, index) => Object.fromEntries(entries.map(([name, values]) => [name, (values as unknown[])[index]])));
}

const isTensor = (value: unknown): value is { name: unknown; shape: unknown; data: unknown } => isObject(value) && 'name' in value && 'data' in value && ('datatype' in value || 'shape' in value);

function tensors(inputs: readonly unknown[], columns: readonly string[] | undefined, origin: string): FeatureRow[] {
  const features = new Map<string, unknown[]>();
  for (const tensor of inputs) {
    if (!isTensor(tensor) || typeof tensor.name !== 'string' || !Array.isArray(tensor.data)) throw new DriftCheckError(`${origin}: a v2 input must have a string name and a data list`);
    const shape = Array.isArray(tensor.shape) && tensor.shape.every((size) => Number.isInteger(size) && (size as number) >= 0) ? (tensor.shape as number[]) : undefined;
    const data = tensor.data.flat(Number.POSITIVE_INFINITY) as unknown[];
    const width = shape && shape.length >= 2 ? shape.slice(1).reduce((product, size) => product * size, 1) : 1;
    if (shape && shape.reduce((product, size) => product * size, 1) !== data.length) throw new DriftCheckError(`${origin}: input ${quote(tensor.name)} has shape ${quote(shape)} but ${data.length} values`);
    if (width === 1) {
      features.set(tensor.name, data);
      continue;
    }
    if (!columns || columns.length !== width) throw new DriftCheckError(`${origin}: input ${quote(tensor.name)} holds ${width} features per row; name them with inputs.columns (${width} names)`);
    columns.forEach((column, offset) => {
      features.set(
        column,
        data.filter((_, index) => index % width === offset),
      );
    });
  }
  const lengths = new Set([...features.values()].map((values) => values.length));
  if (lengths.size > 1) throw new DriftCheckError(`${origin}: v2 inputs have different numbers of rows`);
  const length = lengths.size === 0 ? 0 : [...lengths][0]!;
  return Array.from({ length }, (_, index) => Object.fromEntries([...features].map(([name, values]) => [name, values[index]])));
}

/** Whether a JSON object looks like an inference request payload (has `instances` or `inputs`). */
export function isInferencePayload(value: Record<string, unknown>): boolean {
  return 'instances' in value || 'inputs' in value;
}

/** The feature rows of an inference request payload; throws `DriftCheckError` on a shape it cannot read. */
export function payloadRows(payload: unknown, columns: readonly string[] | undefined, origin: string): FeatureRow[] {
  if (!isObject(payload)) throw new DriftCheckError(`${origin}: an inference payload must be a JSON object`);
  if (Array.isArray(payload.instances)) return rows(payload.instances, columns, origin);
  const inputs = payload.inputs;
  if (Array.isArray(inputs)) return inputs.length > 0 && inputs.every(isTensor) ? tensors(inputs, columns, origin) : rows(inputs, columns, origin);
  if (isObject(inputs)) return columnar(inputs, origin);
  throw new DriftCheckError(`${origin}: an inference payload needs an "instances" list or "inputs"`);
}
