import { describe, expect, it } from 'vitest';
import { InlineLimiter, InlineLimiterGroup, type LimitedJobInfo } from '../../../bot/octokit/inline-limiter.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

describe('InlineLimiter', () => {
  it('runs at most maxConcurrent jobs at once, the others in call order; job options are ignored', async () => {
    const limiter = new InlineLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const jobs = gates.map((gate, index) =>
      limiter.schedule({ priority: 0, weight: 0 }, async (value: number) => {
        started.push(index);
        await gate.promise;
        return value * 10;
      }, index),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(jobs)).toEqual([0, 10, 20, 30]);
  });

  it('re-runs a failed job after the delay a failed listener returns, with the retry count, as Bottleneck does', async () => {
    const limiter = new InlineLimiter();
    const seen: LimitedJobInfo[] = [];
    limiter.on('failed', (_error, info) => {
      seen.push(info);
      return info.retryCount < 2 ? 5 : undefined;
    });
    let attempts = 0;
    const failing = async (label: string) => {
      attempts++;
      throw new Error(`${label} ${attempts}`);
    };
    const started = Date.now();
    await expect(limiter.schedule(failing, 'try')).rejects.toThrow('try 3');
    expect(Date.now() - started).toBeGreaterThanOrEqual(9);
    expect(seen.map((info) => [info.retryCount, info.args])).toEqual([[0, ['try']], [1, ['try']], [2, ['try']]]);
    let flaky = 0;
    expect(await limiter.schedule(async () => (++flaky < 2 ? Promise.reject(new Error('5xx')) : 'ok'))).toBe('ok');
  });

  it('does not retry when no listener asks for it, or when a listener throws', async () => {
    const quiet = new InlineLimiter();
    await expect(quiet.schedule(() => Promise.reject(new Error('no listener')))).rejects.toThrow('no listener');
    const throwing = new InlineLimiter();
    throwing.on('failed', () => {
      throw new Error('listener bug');
    });
    throwing.on('retry', () => 1);
    let attempts = 0;
    await expect(throwing.schedule(() => Promise.reject(new Error(`attempt ${++attempts}`)))).rejects.toThrow('attempt 1');
    expect(attempts).toBe(1);
  });

  it('a group keeps one limiter per key, each with the group’s limit', async () => {
    const group = new InlineLimiterGroup(1);
    expect(group.key('a')).toBe(group.key('a'));
    expect(group.key('a')).not.toBe(group.key('b'));
    const gate = deferred();
    const order: string[] = [];
    const first = group.key('a').schedule(async () => {
      await gate.promise;
      order.push('a1');
    });
    const second = group.key('a').schedule(async () => order.push('a2'));
    const other = group.key('b').schedule(async () => order.push('b1'));
    await other;
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });
});
