/** The weight-bounded memo of asynchronous reads the clone cache keeps config trees and git trees in. */
import { describe, expect, it } from 'vitest';
import { PromiseMemo } from '../../../bot/git/promise-memo.ts';

describe('PromiseMemo', () => {
  it('reads each key once, sharing a read in flight', async () => {
    const memo = new PromiseMemo<string>(100, (value) => value.length);
    let reads = 0;
    const read = async () => {
      reads++;
      return 'abc';
    };
    const [first, second] = await Promise.all([memo.get('k', read), memo.get('k', read)]);
    expect([first, second, await memo.get('k', read), reads]).toEqual(['abc', 'abc', 'abc', 1]);
  });

  it('forgets the least recently used values beyond the weight limit, keeping the newest', async () => {
    const memo = new PromiseMemo<string>(5, (value) => value.length);
    const reads: string[] = [];
    const read = (value: string) => async () => {
      reads.push(value);
      return value;
    };
    await memo.get('a', read('aa'));
    await memo.get('b', read('bb'));
    await memo.get('a', read('aa')); // a is now the most recent
    await memo.get('c', read('cc')); // 6 > 5: b goes
    await memo.get('a', read('aa'));
    await memo.get('b', read('bb'));
    expect(reads).toEqual(['aa', 'bb', 'cc', 'bb']);
    await memo.get('huge', read('x'.repeat(50)));
    await memo.get('huge', read('x'.repeat(50)));
    expect(reads.filter((value) => value.length === 50)).toHaveLength(1);
  });

  it('does not keep a failed read', async () => {
    const memo = new PromiseMemo<string>(100, (value) => value.length);
    await expect(memo.get('k', async () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    expect(await memo.get('k', async () => 'back')).toBe('back');
  });
});
