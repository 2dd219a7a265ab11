/**
 * Turns one line of a source into feature rows, by format:
 * - `features`: the line is one JSON object mapping feature names to values;
 * - `kserve`: the line is a structured-mode CloudEvent from KServe's payload logger (`specversion`,
 *   `type` ending in `.request` or `.response`, `time`, and the payload in `data` or `data_base64`) or a
 *   bare v1/v2 payload. Response events are skipped; request events older than the window are skipped;
 * - `auto`: a CloudEvent or payload when the object has `specversion`, `instances` or `inputs`; else a feature map.
 */
import type { InputFormat } from '../config.ts';
import { DriftCheckError, quote } from '../errors.ts';
import type { SourceLine } from '../sources/source-reader.ts';
import { type FeatureRow, isInferencePayload, payloadRows } from './kserve-payload.ts';

/** How to read lines and which events fall in the window. */
export interface RecordOptions {
  readonly format: InputFormat;
  readonly columns: readonly string[] | undefined;
  /** Events before this instant (ms since the epoch) are skipped; undefined: no window. */
  readonly notBeforeMs: number | undefined;
}

/** The rows of a line, or why it was skipped. */
export type LineRecords = { readonly rows: readonly FeatureRow[] } | { readonly skipped: 'response' | 'outside-window' | 'other-event' };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function cloudEventPayload(event: Record<string, unknown>, origin: string): unknown {
  if (event.data_base64 !== undefined) {
    if (typeof event.data_base64 !== 'string') throw new DriftCheckError(`${origin}: data_base64 must be a string`);
    return parseJson(Buffer.from(event.data_base64, 'base64').toString('utf8'), `${origin} (data_base64)`);
  }
  return typeof event.data === 'string' ? parseJson(event.data, `${origin} (data)`) : event.data;
}

function cloudEventRecords(event: Record<string, unknown>, line: SourceLine, options: RecordOptions): LineRecords {
  const type = typeof event.type === 'string' ? event.type : '';
  if (type.endsWith('.response')) return { skipped: 'response' };
  if (!type.endsWith('.request')) return { skipped: 'other-event' };
  if (options.notBeforeMs !== undefined && typeof event.time === 'string') {
    const time = Date.parse(event.time);
    if (Number.isNaN(time)) throw new DriftCheckError(`${line.origin}: event time ${quote(event.time)} is not an RFC 3339 timestamp`);
    if (time < options.notBeforeMs) return { skipped: 'outside-window' };
  }
  return { rows: payloadRows(cloudEventPayload(event, line.origin), options.columns, line.origin) };
}

function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DriftCheckError(`${origin}: not a JSON value`);
  }
}

/** The feature rows of one line; throws `DriftCheckError` naming `file:line` when the line is malformed. */
export function lineRecords(line: SourceLine, options: RecordOptions): LineRecords {
  const value = parseJson(line.text, line.origin);
  if (!isObject(value)) throw new DriftCheckError(`${line.origin}: each line must be a JSON object`);
  const kserve = options.format === 'kserve' || (options.format === 'auto' && ('specversion' in value || isInferencePayload(value)));
  if (!kserve) return { rows: [value] };
  return 'specversion' in value ? cloudEventRecords(value, line, options) : { rows: payloadRows(value, options.columns, line.origin) };
}
