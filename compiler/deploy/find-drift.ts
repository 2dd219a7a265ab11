/**
 * Drift: generated files in the deploy repo whose content is not what the last trusted deploy wrote
 * (someone edited, deleted or added them by hand, perhaps in a commit with forged deploy trailers). The
 * deploy refuses to overwrite them; it reports them. Pure.
 */
import { compareCodePoints } from '../support/compare-code-points.ts';
import type { DeployRepoSnapshot, DriftedFile } from './deploy-model.ts';

/** One drifted file as a line of a refusal: `edited by hand: <path>`, naming a forged deploy commit that made the change. */
export function describeDrift(file: DriftedFile): string {
  return `${file.kind} by hand: ${file.path}${file.forgedBy ? ` (in commit ${file.forgedBy.slice(0, 12)}, whose deploy trailers no audit entry backs)` : ''}`;
}

/**
 * The drift of a deploy repo. With a known trusted deploy commit (see trusted-deploy.ts) the shell has diffed it against the tip
 * (`handEdits`): that is the drift. Without one (the first deploy, or history that lost its deploy
 * commits), a file already present counts as drift unless the render would write exactly its content:
 * `planned` holds the blob ids about to be written (paths absent from it would be left alone).
 */
export function findDrift(repo: DeployRepoSnapshot, planned: ReadonlyMap<string, string>): DriftedFile[] {
  if (repo.state && repo.handEdits) return [...repo.handEdits].sort((a, b) => compareCodePoints(a.path, b.path));
  const drift: DriftedFile[] = [];
  for (const [path, blob] of repo.generated) {
    const next = planned.get(path);
    if (next === undefined) drift.push({ path, kind: 'added' });
    else if (next !== blob) drift.push({ path, kind: 'edited' });
  }
  return drift.sort((a, b) => compareCodePoints(a.path, b.path));
}
