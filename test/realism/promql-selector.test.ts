import { describe, expect, it } from 'vitest';
import { parseSelector, satisfies, selectedLabels, seriesText, valueMatching, valueNotMatching } from './support/promql-selector.ts';

describe('PromQL selectors of the realism tests', () => {
  it('parses metric and matchers, unescaping values', () => {
    expect(parseSelector('up{namespace="a",job_name=~"x-.*",code!~"2..",q="say \\"hi\\""}')).toEqual({
      metric: 'up',
      matchers: [
        { label: 'namespace', op: '=', value: 'a' },
        { label: 'job_name', op: '=~', value: 'x-.*' },
        { label: 'code', op: '!~', value: '2..' },
        { label: 'q', op: '=', value: 'say "hi"' },
      ],
    });
    expect(() => parseSelector('up{namespace=a}')).toThrow('cannot parse the matchers');
  });

  it('synthesizes values inside and outside a regex, and checks them', () => {
    expect(valueMatching('5..')).toBe('500');
    expect(valueMatching('fraud-api-drift-check-.*')).toBe('fraud-api-drift-check-29412345');
    expect(valueMatching('5..|error')).toBe('500');
    expect(valueMatching('error|5..')).toBe('error');
    expect(valueMatching('a\\.b')).toBe('a.b');
    expect(() => valueMatching('(a|b)[0-9]')).toThrow('cannot synthesize');
    expect(valueNotMatching('5..')).toBe('200');
    expect(satisfies({ code: '200' }, { label: 'code', op: '=~', value: '5..' })).toBe(false);
    expect(satisfies({}, { label: 'code', op: '=', value: '' })).toBe(true);
  });

  it('builds the labels of a selected series and writes it in PromQL notation', () => {
    const labels = selectedLabels(parseSelector('m{a="1",b=~"x.*"}'), { instance: 'i' });
    expect(labels).toEqual({ instance: 'i', a: '1', b: 'x29412345' });
    expect(seriesText('m', labels)).toBe('m{a="1",b="x29412345",instance="i"}');
    expect(() => selectedLabels(parseSelector('m{a!="1"}'), { a: '1' })).toThrow('do not satisfy a!="1"');
  });
});
