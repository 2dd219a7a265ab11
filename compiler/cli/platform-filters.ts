/**
 * `--env` and `--cluster` filters name environments and clusters of platform.yaml (or the default
 * platform). A filter that names none is a usage error with a suggestion, before anything is compiled:
 * silently compiling nothing would replace a full output folder with an empty one.
 */
import type { Platform } from '../config/types.generated.ts';
import { closestMatch } from '../diagnostics/suggest.ts';
import { parseConfigFile } from '../load/parse-file.ts';
import type { SourceTree } from '../load/source-tree.ts';
import { DEFAULT_PLATFORM } from '../resolve/default-platform.ts';
import { UsageError } from './command.ts';

/** The environments and clusters the tree's platform declares; undefined when platform.yaml cannot be read as such (validation will say why). */
function declared(tree: SourceTree): { environments: string[]; clusters: string[] } | undefined {
  const file = tree.files.find((candidate) => candidate.path === 'platform.yaml');
  if (!file && tree.refused?.some((entry) => entry.path === 'platform.yaml')) return undefined;
  let platform: Partial<Platform> | undefined = DEFAULT_PLATFORM;
  if (file) platform = parseConfigFile({ path: file.path, role: 'platform' }, file.content).file?.value as Partial<Platform> | undefined;
  const environments = platform?.environments;
  if (!environments || typeof environments !== 'object') return undefined;
  const clusters = new Set<string>();
  for (const environment of Object.values(environments)) {
    for (const cluster of Array.isArray(environment?.clusters) ? environment.clusters : []) if (typeof cluster?.name === 'string') clusters.add(cluster.name);
  }
  return { environments: Object.keys(environments), clusters: [...clusters] };
}

/** A transposition (`prdo` for `prod`) is a typo edit distance weighs twice. */
function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

function check(flag: string, wanted: readonly string[] | undefined, known: readonly string[], what: string): void {
  for (const name of wanted ?? []) {
    if (known.includes(name)) continue;
    const closest = closestMatch(name, known) ?? known.find((candidate) => sameLetters(candidate, name));
    const suggestion = closest ? ` Did you mean \`${closest}\`?` : '';
    throw new UsageError(`${flag} ${JSON.stringify(name)} matches no ${what}.${suggestion} The platform declares ${known.map((entry) => `\`${entry}\``).join(', ') || 'none'}.`);
  }
}

/** Throws a UsageError when an `--env` or `--cluster` value names nothing the platform declares. */
export function assertFiltersMatch(tree: SourceTree, environments: readonly string[] | undefined, clusters: readonly string[] | undefined): void {
  if (!environments && !clusters) return;
  const known = declared(tree);
  if (!known) return;
  check('--env', environments, known.environments, 'environment');
  check('--cluster', clusters, known.clusters, 'cluster');
}
