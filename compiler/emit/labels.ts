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

/** `app.kubernetes.io/*` labels plus team, environment, model and version. Keys sorted. */
export function standardLabels(subject: LabelSubject): Record<string, string> {
  const labels: Record<string, string> = {
    'app.kubernetes.io/component': subject.component,
    'app.kubernetes.io/managed-by': 'cirrus-mlops',
    'app.kubernetes.io/name': subject.name,
    'app.kubernetes.io/part-of': subject.team,
    [`${MLOPS_DOMAIN}/team`]: subject.team,
  };
  if (subject.environment) labels[`${MLOPS_DOMAIN}/environment`] = subject.environment;
  if (subject.model) labels[`${MLOPS_DOMAIN}/model`] = subject.model;
  if (subject.version) labels[`${MLOPS_DOMAIN}/version`] = subject.version;
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `{ "mlops.cirruslabs.io/source": "teams/fraud/mlops.yaml:23" }` for the config entry `ref`. */
export function sourceAnnotations(org: Pick<ResolvedOrg, 'files'>, ref: SourceRef): Record<string, string> {
  const range = locateSource(org, ref);
  return { [SOURCE_ANNOTATION]: range ? `${ref.file}:${range.start.line}` : ref.file };
}

/** Parses a source annotation back into file and line (for policy findings on emitted objects). */
export function parseSourceAnnotation(value: string | undefined): { file: string; line?: number } | undefined {
  if (!value) return undefined;
  const match = /^(.*):(\d+)$/.exec(value);
  return match ? { file: match[1]!, line: Number(match[2]) } : { file: value };
}
