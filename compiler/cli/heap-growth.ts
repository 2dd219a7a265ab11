/**
 * Bounds how far V8 lets garbage pile up. With Node's default heap ceiling (up to 4 GiB here) V8
 * grows the old generation to as much as four times what survived the last full collection before
 * it collects again; a compile of 10,000 models holds ~250 MiB of live data (the parsed config plus
 * one team × cluster batch) yet peaked at 0.75–1.1 GiB. A fixed growth of 1.5× keeps it near 0.6 GiB
 * at the same speed (full collections run incrementally, mostly beside the compile). Called once at
 * CLI start (bin/mlops.js), before any large allocation; V8 reads the flag whenever it sets its next
 * collection limit. The process's own `--heap-growing-percent`, if given, wins.
 */
import { setFlagsFromString } from 'node:v8';

/** How much the old generation may grow past the live heap before a full collection, in percent. */
export const HEAP_GROWING_PERCENT = 50;

/** Sets V8's heap growing factor to `1 + percent/100` for this process, unless the process was started with one. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT, execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => /^--heap[-_]growing[-_]percent\b/.test(flag));
  if (given) return false;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}
