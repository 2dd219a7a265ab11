/**
 * A copy of sample-repo/ that compiles on any day: the fraud team's waiver expires on a fixed date
 * (2026-12-31), after which `compile` and `check` stop on it, as they should; the copy moves the
 * expiry 60 days past today, as `mlops demo` does (the platform allows at most 90).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SAMPLE_REPO = resolve(import.meta.dirname, '../../../sample-repo');
const FRAUD_FILE = 'teams/fraud/mlops.yaml';
const WAIVER_EXPIRY = /(?<=\n {6}expires: )\d{4}-\d{2}-\d{2}/;

/** Copies sample-repo/ to `destination` (created) with the waiver in force; returns `destination`. */
export function copySampleRepo(destination: string): string {
  cpSync(SAMPLE_REPO, destination, { recursive: true });
  const fraud = join(destination, FRAUD_FILE);
  const text = readFileSync(fraud, 'utf8');
  if (!WAIVER_EXPIRY.test(text)) throw new Error(`copySampleRepo: no waiver expiry in ${FRAUD_FILE}`);
  const inSixtyDays = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  writeFileSync(fraud, text.replace(WAIVER_EXPIRY, inSixtyDays));
  return destination;
}
