import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sortKeys, toYaml, objectFileName, renderObject } from '../../compiler/emit/render.ts';

describe('sortKeys', () => {
  it('sorts mappings at every level, keeps sequence order and drops undefined entries', () => {
    const sorted = sortKeys({ b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: undefined } });
    expect(JSON.stringify(sorted)).toBe('{"a":{"d":[{"y":2,"z":1},3]},"b":1}');
  });

  it('returns an already sorted value itself instead of copying it', () => {
    const value = { a: [{ b: 1 }], c: { d: 'x' } };
    expect(sortKeys(value)).toBe(value);
  });
});

describe('toYaml', () => {
  it('quotes strings a YAML parser could read as numbers, booleans, null or dates', () => {
    for (const text of ['1.4.0', '2', '0.93', 'true', 'no', 'on', 'null', '~', 'E0', '2026-12-31', '', ' lead', 'a: b', 'x #y', '-x', '@me', '*', '12:30']) {
      expect(toYaml({ value: text }), text).toBe(`value: ${JSON.stringify(text)}\n`);
    }
  });

  it('leaves unambiguous strings plain', () => {
    expect(toYaml({ image: 'ghcr.io/acme/server:1.2.0', name: 'fraud-api', path: '/v2/health/ready' })).toBe('image: ghcr.io/acme/server:1.2.0\nname: fraud-api\npath: /v2/health/ready\n');
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(toYaml({ a: 'x\ny\n', b: 'x\ny' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\n');
    expect(toYaml({ a: '  x\ny' })).toBe('a: "  x\\ny"\n');
  });

  it('lays out sequences of mappings the way kubectl does', () => {
    expect(toYaml({ containers: [{ name: 'a', ports: [{ containerPort: 80 }] }], empty: [], none: {} })).toBe(
      'containers:\n  - name: a\n    ports:\n      - containerPort: 80\nempty: []\nnone: {}\n',
    );
  });

  it('sorts keys while writing, skips undefined values and writes a mapping of only undefined values as {}', () => {
    const unsorted = { spec: { z: 1, a: [{ y: 2, b: undefined, c: 'x' }], gone: undefined, blank: { only: undefined } }, kind: 'K' };
    expect(toYaml(unsorted)).toBe('kind: K\nspec:\n  a:\n    - c: x\n      "y": 2\n  blank: {}\n  z: 1\n');
    expect(toYaml([{ only: undefined }, { q: 1, p: 2 }])).toBe('- {}\n- p: 2\n  q: 1\n');
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`k${String(39 - index).padStart(2, '0')}`, index]));
    expect(toYaml(many).split('\n')[0]).toBe('k00: 39');
  });

  it('round-trips any JSON value through YAML 1.2 and YAML 1.1 parsers', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = JSON.parse(JSON.stringify(value));
        expect(parse(toYaml(value))).toEqual(expected);
        expect(parse(toYaml(value), { version: '1.1' })).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('file names', () => {
  it('names files <kind>-<name>.<format>, optionally qualified', () => {
    const object = { kind: 'InferenceService', metadata: { name: 'fraud-api' } };
    expect(objectFileName(object, 'yaml')).toBe('inferenceservice-fraud-api.yaml');
    expect(objectFileName(object, 'json', 'fraud-dev')).toBe('inferenceservice-fraud-dev-fraud-api.json');
  });

  it('renders JSON with sorted keys and a final newline', () => {
    expect(renderObject({ b: 1, a: 2 }, 'json')).toBe('{\n  "a": 2,\n  "b": 1\n}\n');
  });
});
