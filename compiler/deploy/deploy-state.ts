/**
 * The deploy state file (`.mlops/deploy-state.json`) in the deploy repo: which config commit the
 * generated files were rendered from. What we last wrote, file by file, is the tree of the last deploy
 * commit itself (git blob ids are content hashes): generated files that differ between it and the
 * branch tip were changed by hand (drift). Keeping the per-file record in git rather than in this file
 * keeps it small whatever the size of the org (a 1,000-team org has ~150,000 generated files). Also
 * the helpers over generated paths and blob ids. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import { NOTIFICATIONS_CONFIG_MAP, NOTIFICATIONS_FOLDER } from '../emit/gitops/argocd-notifications.ts';
import { PLATFORM_BOOTSTRAP_FOLDER } from '../emit/platform-bootstrap/emit-platform-bootstrap.ts';
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
 * undefined for org-wide files (`registry.json`, each cluster's Argo CD notifications ConfigMap and
 * platform bootstrap and its Application, `clusters/<cluster>/platform/…` and `argocd/<cluster>/platform/…`:
 * no team may be named `platform`, ML335).
 */
export function teamOfGeneratedPath(path: string): string | undefined {
  const parts = path.split('/');
  if ((parts[0] !== 'clusters' && parts[0] !== 'argocd') || parts.length < 4) return undefined;
  if (parts[0] === 'argocd' && parts[2] === NOTIFICATIONS_FOLDER && parts.length === 4 && parts[3]!.startsWith(`configmap-${NOTIFICATIONS_CONFIG_MAP}.`)) return undefined;
  if (parts[2] === PLATFORM_BOOTSTRAP_FOLDER && parts.length === 4) return undefined;
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
 * the tree, and it is computed from blob ids alone (no file needs reading). Entries already in order
 * (as `git ls-tree` lists them) are not sorted again.
 */
export function renderedTreeHash(files: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string {
  const entries = files instanceof Map ? files : new Map(Object.entries(files));
  let ordered: Iterable<[string, string]> = entries;
  let previous: string | undefined;
  for (const path of entries.keys()) {
    if (previous !== undefined && compareCodePoints(previous, path) > 0) {
      ordered = [...entries].sort(([left], [right]) => compareCodePoints(left, right));
      break;
    }
    previous = path;
  }
  // Hashed in chunks of ~256 KiB: one `update` per entry costs more than the hashing (a large org lists ~170,000).
  const hash = createHash('sha256');
  let chunk = '';
  for (const [path, blobId] of ordered) {
    chunk += `${path}\0${blobId}\n`;
    if (chunk.length > 262_144) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

/** The state file's bytes: keys sorted, trailing newline. */
export function serializeDeployState(state: DeployState): string {
  return `${JSON.stringify({ sourceRepo: state.sourceRepo, sourceSha: state.sourceSha, version: 1 }, null, 2)}
`;
}

/** Parses the state file; undefined when it is not a well-formed version-1 state (the deploy then renders everything and checks every file against it). */
export function parseDeployState(text: string): DeployState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.version !== 1 || typeof record.sourceRepo !== 'string' || typeof record.sourceSha !== 'string' || !/^[0-9a-f]{40}$/.test(record.sourceSha)) return undefined;
  return { version: 1, sourceRepo: record.sourceRepo, sourceSha: record.sourceSha };
}
