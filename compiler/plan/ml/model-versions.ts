/** Model versions registered or withdrawn. */
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import type { ModelVersionChange } from './ml-model.ts';

function versionIndex(org: ResolvedOrg | undefined): Map<string, Omit<ModelVersionChange, 'action'>> {
  const index = new Map<string, Omit<ModelVersionChange, 'action'>>();
  for (const team of org?.teams ?? []) {
    for (const model of team.models) {
      for (const version of model.versions) {
        index.set(`${team.name}\u0000${model.name}\u0000${version.version}`, { team: team.name, model: model.name, version: version.version, riskTier: model.riskTier });
      }
    }
  }
  return index;
}

/** Versions in head but not base (added) and in base but not head (removed), sorted by team, model, version. */
export function modelVersionChanges(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined): ModelVersionChange[] {
  const before = versionIndex(base);
  const after = versionIndex(head);
  const changes: ModelVersionChange[] = [];
  for (const [key, version] of after) if (!before.has(key)) changes.push({ ...version, action: 'added' });
  for (const [key, version] of before) if (!after.has(key)) changes.push({ ...version, action: 'removed' });
  const key = (change: ModelVersionChange) => `${change.team}\u0000${change.model}\u0000${change.version}`;
  return changes.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
