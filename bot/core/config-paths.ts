/** Which repository paths are config for the bot: config files (and lookalikes) and anything under `teams/`. */
import { isConfigLikePath } from '../../compiler/cli/fs-source.ts';

/** True when a change to `path` changes what the compiler reads (model cards and other team files included). */
export function isConfigPath(path: string): boolean {
  return isConfigLikePath(path) || path.startsWith('teams/');
}
