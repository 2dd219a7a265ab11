import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from '../../compiler/cli/heap-growth.ts';

const MODULE = new URL('../../compiler/cli/heap-growth.ts', import.meta.url).href;

/**
 * Peak RSS (MiB) of a Node process that keeps ~80 MiB live while replacing it over and over: the
 * shape of a compile (a parsed config that stays, batches that come and go), in miniature.
 */
function churnPeakMiB(limit: boolean): number {
  const script = `
    ${limit ? `const { limitHeapGrowth } = await import(${JSON.stringify(MODULE)}); limitHeapGrowth();` : ''}
    const slots = new Array(800);
    for (let index = 0; index < 12000; index++) slots[index % 800] = new Array(12000).fill(index);
    console.log(process.resourceUsage().maxRSS / 1024);`;
  return Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }));
}

describe('limitHeapGrowth', () => {
  it('keeps a churning process near its live heap: well under the peak it reaches with V8’s default growth', () => {
    const unlimited = churnPeakMiB(false);
    const limited = churnPeakMiB(true);
    expect(limited).toBeLessThan(unlimited * 0.7);
  }, 30_000);

  it('leaves a growth given to the process alone', () => {
    expect(limitHeapGrowth(50, ['--heap-growing-percent=20'], '')).toBe(false);
    expect(limitHeapGrowth(50, [], '--max-old-space-size=512 --heap_growing_percent=20')).toBe(false);
  });
});
