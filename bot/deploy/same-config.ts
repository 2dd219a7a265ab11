/**
 * Whether two commits of a config repo hold the same config (every config file byte for byte): the
 * fallback the deploy uses to tell whether an approval given on an earlier commit of a PR still counts
 * for its head, when the app gives no cheaper diff (`DeployHandlerDependencies.configUnchanged`).
 */
import type { DeployHandlerDependencies } from './deploy-handler-dependencies.ts';
import type { RepositoryRef } from './deploy-forge.ts';

/** True when both trees read and their config files are identical; false when either cannot be read. */
export async function sameConfig(dependencies: Pick<DeployHandlerDependencies, 'sourceTreeAt'>, repository: RepositoryRef, reviewedSha: string, headSha: string): Promise<boolean> {
  if (reviewedSha === headSha) return true;
  try {
    const [reviewed, head] = await Promise.all([dependencies.sourceTreeAt(repository, reviewedSha), dependencies.sourceTreeAt(repository, headSha)]);
    if (reviewed.files.length !== head.files.length) return false;
    const headFiles = new Map(head.files.map((file) => [file.path, file.content]));
    return reviewed.files.every((file) => {
      const other = headFiles.get(file.path);
      return other !== undefined && Buffer.from(other).equals(Buffer.from(file.content));
    });
  } catch {
    return false;
  }
}
