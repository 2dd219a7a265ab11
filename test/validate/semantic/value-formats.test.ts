/** The value-format predicates behind ML301, ML310–ML313 and ML319. */
import { describe, expect, it } from 'vitest';
import { cpuQuantityProblem, cronProblem, dnsLabelProblem, isCalendarDate, isDuration, isVersionKey, memoryQuantityProblem, quantityAmount, toDnsLabel } from '../../../compiler/validate/semantic/value-formats.ts';

describe('DNS-1123 labels', () => {
  it.each(['fraud', 'fraud-api', 'a', 'm1', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(dnsLabelProblem(name)).toBeUndefined();
  });
  it.each([
    ['../x', 'only lowercase'],
    ['Foo', 'uppercase'],
    ['x'.repeat(64), '64 characters'],
    ['-fraud', 'only lowercase'],
    ['fraud-', 'only lowercase'],
    ['fraud_api', 'only lowercase'],
    ['', 'empty'],
  ])('rejects %j (%s)', (name, problem) => {
    expect(dnsLabelProblem(name)).toContain(problem);
  });
  it('suggests a label', () => {
    expect(toDnsLabel('Fraud_API')).toBe('fraud-api');
    expect(toDnsLabel('../x')).toBe('x');
    expect(toDnsLabel('___')).toBe('name');
    expect(dnsLabelProblem(toDnsLabel('A'.repeat(80)))).toBeUndefined();
  });
});

describe('version keys', () => {
  it.each(['1.4.0', 'v2', '2026-10-01_rc1', '1'])('accepts %s', (version) => expect(isVersionKey(version)).toBe(true));
  it.each(['1.5.0 beta', '../1', '.1', '1.', 'x'.repeat(64), ''])('rejects %j', (version) => expect(isVersionKey(version)).toBe(false));
});

describe('quantities', () => {
  it.each(['500m', '2', '0.5', '.5', 1, 0.25])('cpu %j is valid', (value) => expect(cpuQuantityProblem(value)).toBeUndefined());
  it.each(['two', '2Gi', '-1', '0', '500 m', 0, -2])('cpu %j is invalid', (value) => expect(cpuQuantityProblem(value)).toBeDefined());
  it.each(['512Mi', '4Gi', '1e9', '500M', '1k', '1.5Gi', 1073741824])('memory %j is valid', (value) => expect(memoryQuantityProblem(value)).toBeUndefined());
  it.each(['4GB', '4 Gi', 'lots', '0Mi', -1])('memory %j is invalid', (value) => expect(memoryQuantityProblem(value)).toBeDefined());
  it.each([
    ['500m', 0.5],
    ['2', 2],
    [1.5, 1.5],
    ['1Gi', 2 ** 30],
    ['512Mi', 512 * 2 ** 20],
    ['1e9', 1e9],
    ['2k', 2000],
    ['1.5G', 1.5e9],
  ] as const)('quantity %j amounts to %d', (value, amount) => {
    expect(quantityAmount(value)).toBeCloseTo(amount);
  });
  it.each(['4GB', 'two', '1Xi'])('quantity %j has no amount', (value) => expect(quantityAmount(value)).toBeUndefined());
  it('explains that memory in m is millibytes', () => {
    expect(memoryQuantityProblem('512m')).toContain('thousandths of a byte');
  });
});

describe('durations and dates', () => {
  it.each(['30m', '24h', '7d', '45s', '0h'])('duration %s is valid', (value) => expect(isDuration(value)).toBe(true));
  it.each(['1 day', '24', 'h', '1h30m', '-1h', '1w'])('duration %s is invalid', (value) => expect(isDuration(value)).toBe(false));
  it.each(['2026-12-31', '2028-02-29', '2026-01-01'])('date %s is valid', (value) => expect(isCalendarDate(value)).toBe(true));
  it.each(['2026-02-30', '2026-13-01', '2027-02-29', '2026-1-1', '31/12/2026', '2026-12-31T00:00:00Z'])('date %s is invalid', (value) => expect(isCalendarDate(value)).toBe(false));
});

describe('cron expressions', () => {
  // What robfig/cron v3's ParseStandard accepts (Kubernetes CronJob, Argo CronWorkflow).
  it.each(['0 3 * * 1', '*/5 * * * *', '0 3 * * MON', '0 0 1-15/2 * *', '@daily', ' 0 3 * * 1 ', '0 0 30 2 *', '? * * * ?', '0 0 * * sun-SAT', '5/15 * * * *', '1,,2 * * * *', '@every 1h30m', '0 0 * jan-DEC/2 *'])('accepts %j', (expression) => expect(cronProblem(expression)).toBeUndefined());
  it.each([
    ['61 * * * *', '61'],
    ['0 3 * *', '4 fields'],
    ['0 0 3 * * 1', '6 fields'],
    ['0 25 * * *', '25'],
    ['a b c d e', 'not a number'],
    ['@reboot', 'not a descriptor'],
    ['H * * * *', '`h` is not a number'],
    ['0 3 L * *', '`l` is not a number'],
    ['0 3 15W * *', 'not a number'],
    ['0 3 * * 1#2', 'not a number'],
    ['0 3 * * 7', 'above 6'],
    ['0 0 0 * *', 'below 1'],
    ['*/0 * * * *', 'at least 1'],
    ['5-1 * * * *', 'after it ends'],
    ['1-2-3 * * * *', 'more than one `-`'],
    ['1/2/3 * * * *', 'more than one `/`'],
    ['TZ=UTC 0 3 * * *', 'timezone'],
    ['', 'empty'],
    ['@every 5 minutes', 'not a descriptor'],
  ])('rejects %j', (expression, problem) => {
    expect(cronProblem(expression)?.toLowerCase()).toContain(problem);
  });
});
