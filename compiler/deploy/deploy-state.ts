/**
 * The deploy state file (`.mlops/deploy-state.json`) in the deploy repo: which config commit the repo
 * serves and the git blob id of every generated file as we wrote it. Comparing the repo's blob ids
 * with these finds hand edits (drift) without reading a single file's content. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { NOTIFICATIONS_CONFIG_MAP, NOTIFICATIONS_FOLDER } from '../emit/gitops/argocd-notifications.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';

/** Where the state lives in the deploy repo (outside every Argo CD Application's path). */
export const DEPLOY_STATE_PATH = '.mlops/deploy-state.json';

/** The deploy state. */
export interface DeployState {
  readonly version: 1;
  /** `owner/name` (or path) of the config repo. */
  readonly sourceRepo: string;
  /** The config commit the generated files were rendered from. */
  readonly sourceSha: string;
  /** Git blob id of each generated file we wrote, by path. */
  readonly files: Readonly<Record<string, string>>;
}

/** Top-level entries of the deploy repo that hold generated files (the layout of `mlops compile`). */
const GENERATED_ROOTS = ['clusters/', 'argocd/'];
const GENERATED_FILES = new Set(['registry.json']);

/** True for a path the compiler generates (and only the deploy writes). */
export function isGeneratedPath(path: string): boolean {
  return GENERATED_FILES.has(path) || GENERATED_ROOTS.some((root) => path.startsWith(root));
}

/**
 * The team a generated path belongs to (`clusters/<cluster>/<team>/…`, `argocd/<cluster>/<team>/…`);
 * undefined for org-wide files (`registry.json`, each cluster's Argo CD notifications ConfigMap).
 */
export function teamOfGeneratedPath(path: string): string | undefined {
  const parts = path.split('/');
  if ((parts[0] !== 'clusters' && parts[0] !== 'argocd') || parts.length < 4) return undefined;
  if (parts[0] === 'argocd' && parts[2] === NOTIFICATIONS_FOLDER && parts.length === 4 && parts[3]!.startsWith(`configmap-${NOTIFICATIONS_CONFIG_MAP}.`)) return undefined;
  return parts[2];
}

/** The git blob id of a file's content (`git hash-object`): SHA-1 over `blob <bytes>\0<content>`. */
export function gitBlobId(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * The rendered tree's hash for the audit trail: `sha256:` over the sorted lines `path\0<git blob id>\n`
 * of every generated file. A blob id is the SHA-1 of the content, so the hash fixes every byte of
 * the tree, and it is computed from the state alone (no file needs reading).
 */
export function renderedTreeHash(files: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  for (const path of Object.keys(files).sort(compareCodePoints)) hash.update(`${path}\0${files[path]}\n`);
  return `sha256:${hash.digest('hex')}`;
}

/** The state file's bytes: keys sorted, one file per line, trailing newline (diffs stay readable). */
export function serializeDeployState(state: DeployState): string {
  const paths = Object.keys(state.files).sort(compareCodePoints);
  const files = paths.map((path) => `    ${JSON.stringify(path)}: ${JSON.stringify(state.files[path])}`).join(',\n');
  return `{\n  "files": {${paths.length > 0 ? `\n${files}\n  ` : ''}},\n  "sourceRepo": ${JSON.stringify(state.sourceRepo)},\n  "sourceSha": ${JSON.stringify(state.sourceSha)},\n  "version": 1\n}\n`;
}

const BLOB_ID = /^[0-9a-f]{40}$/;

/** Parses the state file; undefined when it is not a well-formed version-1 state (the deploy then renders everything and checks every file). */
export function parseDeployState(text: string): DeployState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.version !== 1 || typeof record.sourceRepo !== 'string' || typeof record.sourceSha !== 'string') return undefined;
  const files = record.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return undefined;
  const checked: Record<string, string> = {};
  for (const [path, blob] of Object.entries(files)) {
    if (typeof blob !== 'string' || !BLOB_ID.test(blob) || !isGeneratedPath(path)) return undefined;
    checked[path] = blob;
  }
  return { version: 1, sourceRepo: record.sourceRepo, sourceSha: record.sourceSha, files: checked };
}
