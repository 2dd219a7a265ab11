/** The config repo of the bot tests: the policy fixture's valid org (platform, team fraud, model cards). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const VALID = join(import.meta.dirname, '..', '..', 'fixtures', 'policy', 'valid');

/** Path of the team file. */
export const TEAM_FILE = 'teams/fraud/mlops.yaml';

/** Every file of the valid org, path → text. */
export function validOrg(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of ['platform.yaml', TEAM_FILE, 'teams/fraud/cards/fraud-1.4.0.md', 'teams/fraud/cards/fraud-1.5.0.md']) files[path] = readFileSync(join(VALID, path), 'utf8');
  return files;
}

/** `text` with the only occurrence of `from` replaced (throws when it is missing or not unique). */
export function edited(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`edit target missing or not unique: ${from}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** The team file with its prod canary at `traffic` percent. */
export function teamWithCanary(traffic: number): string {
  return edited(validOrg()[TEAM_FILE]!, 'traffic: 10', `traffic: ${traffic}`);
}
