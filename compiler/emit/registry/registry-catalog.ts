/** The org-wide model catalog `registry.json`: every team's models, versions, lineage, metrics and deployments. */
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import type { OutputFile } from '../manifest.ts';
import { stableJson } from './stable-json.ts';
import { byName, teamRegistry } from './team-registry.ts';

/** Path of the catalog in the output tree. */
export const REGISTRY_CATALOG_PATH = 'registry.json';

/** `registry.json`: pretty JSON with sorted keys and a trailing newline; the same org always gives the same bytes. */
export function registryCatalog(org: ResolvedOrg): OutputFile {
  const teams = Object.fromEntries(byName(org.teams).map((team) => [team.name, teamRegistry(team)]));
  const catalog = { apiVersion: 'mlops.cirruslabs.io/v1alpha1', kind: 'ModelCatalog', organisation: org.platform.name, teams };
  return { path: REGISTRY_CATALOG_PATH, content: `${stableJson(catalog, 2)}\n` };
}
