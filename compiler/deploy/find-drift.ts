/**
 * Drift: generated files in the deploy repo whose content is not what the last deploy wrote (someone
 * edited, deleted or added them by hand). The deploy refuses to overwrite them; it reports them. Pure.
 */
import { compareCodePoints } from '../support/compare-code-points.ts';
import type { DriftedFile } from './deploy-model.ts';
import type { DeployState } from './deploy-state.ts';

/**
 * Compares the repo's generated files (blob ids) with the state. Without a state (the first deploy),
 * a file already present counts as drift only when the deploy would write different content there:
 * `planned` holds the blob ids about to be written (absent paths would be left alone, so they are drift too).
 */
export function findDrift(generated: ReadonlyMap<string, string>, state: DeployState | undefined, planned: ReadonlyMap<string, string>): DriftedFile[] {
  const drift: DriftedFile[] = [];
  if (!state) {
    for (const [path, blob] of generated) {
      const next = planned.get(path);
      if (next === undefined) drift.push({ path, kind: 'added' });
      else if (next !== blob) drift.push({ path, kind: 'edited' });
    }
  } else {
    for (const [path, blob] of Object.entries(state.files)) {
      const current = generated.get(path);
      if (current === undefined) drift.push({ path, kind: 'deleted' });
      else if (current !== blob) drift.push({ path, kind: 'edited' });
    }
    for (const path of generated.keys()) if (state.files[path] === undefined) drift.push({ path, kind: 'added' });
  }
  return drift.sort((a, b) => compareCodePoints(a.path, b.path));
}
