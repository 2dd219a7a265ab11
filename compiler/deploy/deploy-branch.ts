/** The deploy repo's branch a config tree names (platform.yaml `gitops.branch`, default `main`), read without compiling. Pure. */
import { parse } from 'yaml';
import type { SourceTree } from '../load/source-tree.ts';

/** Branch names we push to: plain ref characters only, never an option. */
const SAFE_BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,100}$/;

/** `gitops.branch` of the tree's platform.yaml when it is a safe branch name, else `main`. */
export function deployBranchOf(tree: SourceTree): string {
  const file = tree.files.find((candidate) => candidate.path === 'platform.yaml');
  if (!file) return 'main';
  try {
    const text = typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
    const branch = (parse(text, { maxAliasCount: 10 }) as { gitops?: { branch?: unknown } } | null)?.gitops?.branch;
    return typeof branch === 'string' && SAFE_BRANCH.test(branch) ? branch : 'main';
  } catch {
    return 'main';
  }
}

/** True for a branch name `mlops deploy --branch` accepts. */
export function isSafeBranch(branch: string): boolean {
  return SAFE_BRANCH.test(branch);
}
