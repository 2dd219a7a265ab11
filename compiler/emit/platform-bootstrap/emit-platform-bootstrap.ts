/**
 * Each cluster's platform bootstrap, `clusters/<cluster>/platform/`: the cluster-wide settings the
 * team output relies on to pass Pod Security admission with the containers controllers inject —
 * KServe's storage initializer ({@link restrictedStorageContainer}) and, unless platform.yaml
 * `podSecurity.argoExecutor` is `external`, Argo Workflows' executor ({@link workflowControllerConfigMap}).
 * The cluster's Argo CD root applies the folder (docs/platform-prerequisites.md#pod-security). Team
 * names cannot be `platform` (ML335), so the folder is never a team's.
 */
import type { EmitOptions } from '../emit-org.ts';
import type { KubernetesObject, OutputFile } from '../manifest.ts';
import { lazyOutputFile, objectFileName } from '../render.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import { workflowControllerConfigMap } from './argo-executor-config.ts';
import { restrictedStorageContainer } from './restricted-storage-container.ts';
import { selectedClusters } from '../selected-clusters.ts';

/** Folder of a cluster's bootstrap under `clusters/<cluster>/`. */
export const PLATFORM_BOOTSTRAP_FOLDER = 'platform';

/** The bootstrap objects of every cluster (the same for each: the settings are org-wide). */
export function platformBootstrapObjects(org: Pick<ResolvedOrg, 'platform'>): KubernetesObject[] {
  const settings = org.platform.podSecurity;
  return [restrictedStorageContainer(settings), ...(settings.argoExecutor === 'emit' ? [workflowControllerConfigMap(settings)] : [])];
}

/** The bootstrap files: `clusters/<cluster>/platform/<kind>-<name>.<ext>` for every selected cluster. */
export function platformBootstrapFiles(org: ResolvedOrg, options: EmitOptions = {}): OutputFile[] {
  const format = options.format ?? 'yaml';
  const objects = platformBootstrapObjects(org);
  return selectedClusters(org, options).flatMap((cluster) => objects.map((object) => lazyOutputFile(`clusters/${cluster}/${PLATFORM_BOOTSTRAP_FOLDER}/${objectFileName(object, format)}`, object, format)));
}
