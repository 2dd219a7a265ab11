/**
 * What platform.yaml says about where deploys go, read from a config tree without compiling it (the
 * bot needs it before and after a render): the deploy repo (`gitops.deployRepo`), and which clusters
 * each environment has. Values that are not plain names are ignored. Pure.
 */
import { parse } from 'yaml';
import type { SourceTree } from '../load/source-tree.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const REPO = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

function platformOf(tree: SourceTree): Record<string, unknown> | undefined {
  const file = tree.files.find((candidate) => candidate.path === 'platform.yaml');
  if (!file) return undefined;
  try {
    const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
    const value = parse(text, { maxAliasCount: 10 }) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `gitops.deployRepo` (`owner/name`) when declared and well-formed. */
export function deployRepoOf(tree: SourceTree): string | undefined {
  const repo = (platformOf(tree)?.gitops as { deployRepo?: unknown } | undefined)?.deployRepo;
  return typeof repo === 'string' && REPO.test(repo) ? repo : undefined;
}

/** Environment name → its cluster names, in declaration order. */
export function environmentClustersOf(tree: SourceTree): Map<string, string[]> {
  const environments = platformOf(tree)?.environments;
  const result = new Map<string, string[]>();
  if (typeof environments !== 'object' || environments === null) return result;
  for (const [name, environment] of Object.entries(environments)) {
    if (!NAME.test(name)) continue;
    const clusters = (environment as { clusters?: unknown } | null)?.clusters;
    const names = Array.isArray(clusters) ? clusters.map((cluster) => (cluster as { name?: unknown } | null)?.name).filter((value): value is string => typeof value === 'string' && NAME.test(value)) : [];
    result.set(name, names);
  }
  return result;
}
