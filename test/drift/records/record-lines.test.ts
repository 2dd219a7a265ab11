import { describe, expect, it } from 'vitest';
import { DriftCheckError } from '../../../drift/errors.ts';
import { payloadRows } from '../../../drift/records/kserve-payload.ts';
import { lineRecords, type RecordOptions } from '../../../drift/records/record-lines.ts';

const AUTO: RecordOptions = { format: 'auto', columns: undefined, notBeforeMs: undefined };
const line = (value: unknown, origin = 'logs.jsonl:7') => ({ text: typeof value === 'string' ? value : JSON.stringify(value), origin });
const event = (data: unknown, extra: Record<string, unknown> = {}) => ({ specversion: '1.0', id: 'e1', source: 'http://localhost:9081/', type: 'org.kubeflow.serving.inference.request', time: '2026-12-02T10:00:00Z', datacontenttype: 'application/json', data, ...extra });

describe('lineRecords', () => {
  it('reads a feature map per line', () => {
    expect(lineRecords(line({ amount: 12.5, country: 'FR' }), AUTO)).toEqual({ rows: [{ amount: 12.5, country: 'FR' }] });
  });

  it('reads KServe payload-logger request events with v1 instances', () => {
    expect(lineRecords(line(event({ instances: [{ amount: 1 }, { amount: 2 }] })), AUTO)).toEqual({ rows: [{ amount: 1 }, { amount: 2 }] });
  });

  it('reads the payload from data_base64 and from JSON text in data', () => {
    const payload = { instances: [{ amount: 3 }] };
    expect(lineRecords(line({ ...event(undefined), data_base64: Buffer.from(JSON.stringify(payload)).toString('base64') }), AUTO)).toEqual({ rows: [{ amount: 3 }] });
    expect(lineRecords(line(event(JSON.stringify(payload))), AUTO)).toEqual({ rows: [{ amount: 3 }] });
  });

  it('skips response events and other event types', () => {
    expect(lineRecords(line(event({ predictions: [1] }, { type: 'org.kubeflow.serving.inference.response' })), AUTO)).toEqual({ skipped: 'response' });
    expect(lineRecords(line(event({}, { type: 'com.example.other' })), AUTO)).toEqual({ skipped: 'other-event' });
  });

  it('skips request events older than the window and keeps events without a time', () => {
    const options = { ...AUTO, notBeforeMs: Date.parse('2026-12-02T09:30:00Z') };
    expect(lineRecords(line(event({ instances: [{ a: 1 }] }, { time: '2026-12-02T09:29:59Z' })), options)).toEqual({ skipped: 'outside-window' });
    expect(lineRecords(line(event({ instances: [{ a: 1 }] }, { time: '2026-12-02T09:30:00Z' })), options)).toEqual({ rows: [{ a: 1 }] });
    expect(lineRecords(line(event({ instances: [{ a: 1 }] }, { time: undefined })), options)).toEqual({ rows: [{ a: 1 }] });
    expect(() => lineRecords(line(event({ instances: [] }, { time: 'yesterday' })), options)).toThrow('logs.jsonl:7: event time "yesterday" is not an RFC 3339 timestamp');
  });

  it('reads a line with a feature named "inputs" as a feature map when the format says features', () => {
    expect(lineRecords(line({ inputs: 3 }), { ...AUTO, format: 'features' })).toEqual({ rows: [{ inputs: 3 }] });
  });

  it('names the line of malformed JSON and of a line that is not an object', () => {
    expect(() => lineRecords(line('{"amount": '), AUTO)).toThrow(new DriftCheckError('logs.jsonl:7: not a JSON value'));
    expect(() => lineRecords(line('[1, 2]'), AUTO)).toThrow(new DriftCheckError('logs.jsonl:7: each line must be a JSON object'));
  });
});

describe('payloadRows', () => {
  it('names positional v1 instances with inputs.columns, and requires them', () => {
    expect(payloadRows({ instances: [[1, 'FR'], [2, 'DE']] }, ['amount', 'country'], 'l:1')).toEqual([
      { amount: 1, country: 'FR' },
      { amount: 2, country: 'DE' },
    ]);
    expect(() => payloadRows({ instances: [[1, 2]] }, undefined, 'l:1')).toThrow('l:1: positional instances need inputs.columns to name their features');
    expect(() => payloadRows({ instances: [[1]] }, ['a', 'b'], 'l:1')).toThrow('l:1: an instance has 1 values but inputs.columns names 2');
  });

  it('reads TF-serving row and columnar "inputs"', () => {
    expect(payloadRows({ inputs: [{ a: 1 }] }, undefined, 'l:1')).toEqual([{ a: 1 }]);
    expect(payloadRows({ inputs: { a: [1, 2], b: ['x', 'y'] } }, undefined, 'l:1')).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    expect(() => payloadRows({ inputs: { a: [1, 2], b: ['x'] } }, undefined, 'l:1')).toThrow('columnar inputs must be lists of equal length');
  });

  it('reads v2 tensors named after features, of shape [N] or [N, 1]', () => {
    const payload = {
      inputs: [
        { name: 'amount', shape: [2], datatype: 'FP32', data: [10.5, 20] },
        { name: 'country', shape: [2, 1], datatype: 'BYTES', data: [['FR'], ['DE']] },
      ],
    };
    expect(payloadRows(payload, undefined, 'l:1')).toEqual([
      { amount: 10.5, country: 'FR' },
      { amount: 20, country: 'DE' },
    ]);
  });

  it('splits a v2 tensor of shape [N, F] by inputs.columns', () => {
    const payload = { inputs: [{ name: 'input-0', shape: [2, 3], datatype: 'FP64', data: [1, 2, 3, 4, 5, 6] }] };
    expect(payloadRows(payload, ['a', 'b', 'c'], 'l:1')).toEqual([
      { a: 1, b: 2, c: 3 },
      { a: 4, b: 5, c: 6 },
    ]);
    expect(() => payloadRows(payload, undefined, 'l:1')).toThrow('l:1: input "input-0" holds 3 features per row; name them with inputs.columns (3 names)');
  });

  it('refuses v2 tensors whose data does not fill their shape, or of different row counts', () => {
    expect(() => payloadRows({ inputs: [{ name: 'a', shape: [3], datatype: 'FP32', data: [1, 2] }] }, undefined, 'l:1')).toThrow('l:1: input "a" has shape [3] but 2 values');
    const uneven = { inputs: [{ name: 'a', shape: [2], datatype: 'FP32', data: [1, 2] }, { name: 'b', shape: [1], datatype: 'FP32', data: [1] }] };
    expect(() => payloadRows(uneven, undefined, 'l:1')).toThrow('l:1: v2 inputs have different numbers of rows');
  });

  it('refuses a payload without instances or inputs', () => {
    expect(() => payloadRows({ predictions: [] }, undefined, 'l:1')).toThrow('l:1: an inference payload needs an "instances" list or "inputs"');
  });
});
