/** The sample repo (sample-repo/) resolved, and its fraud team file, for promotion and rollback tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSourceTree } from '../../../compiler/cli/fs-source.ts';
import type { SourceTree } from '../../../compiler/load/source-tree.ts';
import { validate } from '../../../compiler/pipeline.ts';
import type { ResolvedOrg } from '../../../compiler/resolve/resolved-org.ts';

/** The sample repo folder. */
export const SAMPLE_REPO = fileURLToPath(new URL('../../../sample-repo/', import.meta.url));

/** The sample repo's fraud team file, as text. */
export const FRAUD_TEAM_FILE = readFileSync(`${SAMPLE_REPO}teams/fraud/mlops.yaml`, 'utf8');

/** Resolves a tree (throws when it does not validate: the fixtures are valid). */
export function resolvedOrg(tree: SourceTree): ResolvedOrg {
  const result = validate(tree);
  if (!result.org) throw new Error(`fixture does not validate: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return result.org;
}

/** The sample repo resolved. */
export async function sampleOrg(): Promise<ResolvedOrg> {
  return resolvedOrg(await readSourceTree(SAMPLE_REPO));
}
