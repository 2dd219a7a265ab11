/** Standard labels and the source annotation every emitted object carries. */
import { locateSource } from '../resolve/resolve-org.ts';
import type { ResolvedOrg, SourceRef } from '../resolve/resolved-org.ts';

/** Prefix of Cirrus MLOps labels and annotations. */
export const MLOPS_DOMAIN = 'mlops.cirruslabs.io';

/** Annotation naming the config `file:line` that produced an object. */
export const SOURCE_ANNOTATION = `${MLOPS_DOMAIN}/source`;

/** What an object is, for its labels. */
export interface LabelSubject {
  readonly team: string;
  /** `app.kubernetes.io/name`: the deployment, pipeline or team name. */
  readonly name: string;
  /** `app.kubernetes.io/component`, e.g. `serving`, `pipeline`, `monitoring`, `tenancy`. */
  readonly component: string;
  readonly environment?: string;
  readonly model?: string;
  readonly version?: string;
}

/** `app.kubernetes.io/*` labels plus team, environment, model and version. Keys sorted (built in code-point order). */
export function standardLabels(subject: LabelSubject): Record<string, string> {
  const labels: Record<string, string> = {
    'app.kubernetes.io/component': subject.component,
    'app.kubernetes.io/managed-by': 'cirrus-mlops',
    'app.kubernetes.io/name': subject.name,
    'app.kubernetes.io/part-of': subject.team,
  };
  if (subject.environment) labels[`${MLOPS_DOMAIN}/environment`] = subject.environment;
  if (subject.model) labels[`${MLOPS_DOMAIN}/model`] = subject.model;
  labels[`${MLOPS_DOMAIN}/team`] = subject.team;
  if (subject.version) labels[`${MLOPS_DOMAIN}/version`] = subject.version;
  return labels;
}

/** Source annotations already computed, per org file table and source reference (by identity, then by value). */
const annotationCache = new WeakMap<ResolvedOrg['files'], { byRef: WeakMap<SourceRef, Record<string, string>>; byKey: Map<string, Record<string, string>> }>();

/**
 * `{ "mlops.cirruslabs.io/source": "teams/fraud/mlops.yaml:23" }` for the config entry `ref`. One
 * config entry produces many objects, so each lookup is done once per org; the returned record is
 * shared and must not be modified.
 */
export function sourceAnnotations(org: Pick<ResolvedOrg, 'files'>, ref: SourceRef): Readonly<Record<string, string>> {
  let cache = annotationCache.get(org.files);
  if (!cache) {
    cache = { byRef: new WeakMap(), byKey: new Map() };
    annotationCache.set(org.files, cache);
  }
  const known = cache.byRef.get(ref);
  if (known) return known;
  const key = `${ref.file}\u0000${ref.path.join('\u0000')}`;
  let annotations = cache.byKey.get(key);
  if (!annotations) {
    const range = locateSource(org, ref);
    annotations = { [SOURCE_ANNOTATION]: range ? `${ref.file}:${range.start.line}` : ref.file };
    cache.byKey.set(key, annotations);
    // Only the ref that first asks is remembered: refs of the resolved org come back by identity,
    // while call sites that build a ref per object would fill the WeakMap with garbage.
    cache.byRef.set(ref, annotations);
  }
  return annotations;
}

/** Parses a source annotation back into file and line (for policy findings on emitted objects). */
export function parseSourceAnnotation(value: string | undefined): { file: string; line?: number } | undefined {
  if (!value) return undefined;
  const match = /^(.*):(\d+)$/.exec(value);
  return match ? { file: match[1]!, line: Number(match[2]) } : { file: value };
}
