/** What an emitted object belongs to: the waiver target and environment its findings are about. */
import { MLOPS_DOMAIN } from '../emit/labels.ts';
import type { Manifest } from '../emit/manifest.ts';

/** The waiver target and environment of an emitted object. */
export interface ManifestSubject {
  /** `deployments/<name>`, `pipelines/<name>`, `models/<name>` or `team`. */
  readonly subject: string;
  readonly environment?: string;
}

const SUBJECT_BY_SECTION: Readonly<Record<string, string>> = { deployments: 'deployments', monitoring: 'deployments', pipelines: 'pipelines', models: 'models' };
const SUBJECT_BY_COMPONENT: Readonly<Record<string, string>> = { serving: 'deployments', monitoring: 'deployments', pipeline: 'pipelines' };

/** From the object's SourceRef when it has one, else from its standard labels. */
export function manifestSubject(manifest: Manifest): ManifestSubject {
  const labels = manifest.object.metadata.labels ?? {};
  const environment = labels[`${MLOPS_DOMAIN}/environment`];
  const withEnvironment = (subject: string): ManifestSubject => (environment ? { subject, environment } : { subject });
  const [section, name] = manifest.source?.path ?? [];
  if (typeof section === 'string' && SUBJECT_BY_SECTION[section] && typeof name === 'string') return withEnvironment(`${SUBJECT_BY_SECTION[section]}/${name}`);
  const component = labels['app.kubernetes.io/component'];
  const labelName = labels['app.kubernetes.io/name'];
  if (component && SUBJECT_BY_COMPONENT[component] && labelName) return withEnvironment(`${SUBJECT_BY_COMPONENT[component]}/${labelName}`);
  return withEnvironment('team');
}
