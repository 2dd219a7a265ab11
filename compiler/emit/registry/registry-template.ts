/**
 * The registry ConfigMap's JSON, assembled from a template made once per team. A team's registry is
 * emitted into every namespace it has, and the copies differ only in `cluster`, `environment` and each
 * version's `deployedTo`; serialising the whole registry per namespace was a tenth of emit time. The
 * template is the team's registry serialised once with slot markers in those places, split at the
 * markers; filling it gives exactly the bytes `registryJson` gives for the same data (tests compare
 * both on every golden fixture). Should a user string ever contain the marker, there is no template
 * and the registry is serialised in full.
 */
import type { ResolvedTeam } from '../../resolve/resolved-org.ts';
import { sortKeys } from '../render.ts';
import { deploymentsByVersion, namespaceRegistryData, type PlacementFilter, type RegistryDeployment, type RegistryModel, type RegistryVersion, teamRegistry } from './team-registry.ts';
import { emptyRecord } from '../../support/own.ts';

/** Marker put where per-namespace values go; as JSON it cannot be produced by a string holding anything else. */
const SLOT = '\u0000mlops-registry-slot\u0000';
const QUOTED_SLOT = JSON.stringify(SLOT);

type Slot = { readonly kind: 'cluster' | 'environment' } | { readonly kind: 'deployedTo'; readonly version: string; readonly indent: string };

/** The team's registry JSON cut at its slots: `chunks[i]`, value of `slots[i]`, `chunks[i + 1]`, … */
export interface RegistryTemplate {
  readonly chunks: readonly string[];
  readonly slots: readonly Slot[];
}

const templates = new WeakMap<ResolvedTeam, RegistryTemplate | null>();

/** The indentation of the line a chunk ends on (where the slot's value starts). */
function lastLineIndent(chunk: string): string {
  const line = chunk.slice(chunk.lastIndexOf('\n') + 1);
  return line.slice(0, line.length - line.trimStart().length);
}

function buildTemplate(team: ResolvedTeam): RegistryTemplate | null {
  const registry = teamRegistry(team, () => false);
  const models = emptyRecord<RegistryModel>();
  for (const [name, model] of Object.entries(registry.models)) {
    const versions = emptyRecord<RegistryVersion>();
    for (const [version, entry] of Object.entries(model.versions)) versions[version] = { ...entry, deployedTo: SLOT as never };
    models[name] = { ...model, versions };
  }
  const data = sortKeys(namespaceRegistryData({ ...registry, models }, { cluster: SLOT, environment: SLOT }));
  // Slots in the order JSON.stringify meets them: it enumerates keys as Object.keys does.
  const kinds: ({ kind: 'cluster' | 'environment' } | { kind: 'deployedTo'; version: string })[] = [{ kind: 'cluster' }, { kind: 'environment' }];
  const sortedModels = data.models as Record<string, { versions: Record<string, unknown> }>;
  for (const name of Object.keys(sortedModels)) for (const version of Object.keys(sortedModels[name]!.versions)) kinds.push({ kind: 'deployedTo', version: `${name}@${version}` });
  const chunks = JSON.stringify(data, null, 2).split(QUOTED_SLOT);
  if (chunks.length !== kinds.length + 1) return null;
  const slots = kinds.map((slot, index): Slot => (slot.kind === 'deployedTo' ? { ...slot, indent: lastLineIndent(chunks[index]!) } : slot));
  return { chunks, slots };
}

/** The registry template of a team (made on first use), or null when its data holds the slot marker. */
export function registryTemplate(team: ResolvedTeam): RegistryTemplate | null {
  let template = templates.get(team);
  if (template === undefined) {
    template = buildTemplate(team);
    templates.set(team, template);
  }
  return template;
}

function deployedToJson(entries: readonly RegistryDeployment[] | undefined, indent: string): string {
  if (!entries || entries.length === 0) return '[]';
  return JSON.stringify(entries, null, 2).replaceAll('\n', `\n${indent}`);
}

/**
 * The pretty registry JSON of a team for one environment and cluster (no trailing newline), with
 * `deployedTo` narrowed by `include`; undefined when the team has no template.
 */
export function fillRegistryTemplate(team: ResolvedTeam, where: { readonly cluster: string; readonly environment: string }, include: PlacementFilter): string | undefined {
  const template = registryTemplate(team);
  if (!template) return undefined;
  const deployments = deploymentsByVersion(team, include);
  const parts: string[] = [template.chunks[0]!];
  template.slots.forEach((slot, index) => {
    parts.push(slot.kind === 'deployedTo' ? deployedToJson(deployments.get(slot.version), slot.indent) : JSON.stringify(where[slot.kind]), template.chunks[index + 1]!);
  });
  return parts.join('');
}
