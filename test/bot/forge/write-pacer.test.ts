import { describe, expect, it } from 'vitest';
import { intervalPacer, NO_PACING } from '../../../bot/forge/write-pacer.ts';

describe('write pacing', () => {
  it('starts writes of one installation a second apart, other installations independently', async () => {
    let now = 0;
    const slept: number[] = [];
    const pacer = intervalPacer(1000, { now: () => now, sleep: async (ms) => { slept.push(ms); now += ms; } });
    const starts: string[] = [];
    const write = (name: string) => async () => { starts.push(`${name}@${now}`); };
    await Promise.all([pacer.pace('1', write('a')), pacer.pace('1', write('b')), pacer.pace('2', write('c'))]);
    await pacer.pace('1', write('d'));
    expect(starts.sort()).toEqual(['a@0', 'b@1000', 'c@1000', 'd@2000'].sort());
    expect(slept).toEqual([1000, 1000]);
  });

  it('NO_PACING runs at once', async () => {
    expect(await NO_PACING.pace('1', async () => 42)).toBe(42);
  });
});
