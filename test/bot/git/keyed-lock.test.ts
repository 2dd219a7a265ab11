import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../../bot/git/keyed-lock.ts';

describe('KeyedLock', () => {
  it('runs tasks of one key one after the other, other keys alongside, past failures', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      order.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([lock.run('a', task('a1', 20, true)), lock.run('a', task('a2', 1)), lock.run('b', task('b1', 5))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order.indexOf('end a1')).toBeLessThan(order.indexOf('start a2'));
    expect(order.indexOf('start b1')).toBeLessThan(order.indexOf('end a1'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lock.busyKeys).toBe(0);
  });
});
