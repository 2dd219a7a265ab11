/**
 * Which ServiceAccount each emitted pod runs as and whether its token is mounted. Kubernetes mounts the
 * token unless the pod says `automountServiceAccountToken: false`, or the pod says nothing and its
 * ServiceAccount says false (the ServiceAccount admission plugin,
 * plugin/pkg/admission/serviceaccount/admission.go `shouldAutomount`); a pod naming no account runs as
 * `default`. Pod specs: Deployments, Jobs and CronJobs (`template.spec`), InferenceServices (the
 * predictor, canary, transformer and explainer carry pod fields inline), Argo WorkflowTemplates and
 * CronWorkflows (the workflow's pods, and the executor's account when `executor.serviceAccountName` is
 * set: Argo mounts that account's token into the `init`/`wait` containers; a CronWorkflow that only
 * references a template runs with the template's accounts).
 */
import type { PlainObject } from './emitted-objects.ts';

/** One pod identity. */
export interface PodIdentity {
  readonly namespace: string;
  readonly serviceAccount: string;
  /** Whether the pod says so itself (undefined: the ServiceAccount decides). */
  readonly automount?: boolean;
  /** Argo's executor always uses its account's token. */
  readonly executor?: boolean;
}

type PodFields = { serviceAccountName?: string; automountServiceAccountToken?: boolean };

/** An emitted spec read loosely: every field may be anything, or absent. */
type Loose = { readonly [key: string]: Loose } & PodFields & { readonly workflowTemplateRef?: unknown };

function identity(namespace: string, pod: PodFields | undefined): PodIdentity[] {
  if (!pod) return [];
  return [{ namespace, serviceAccount: pod.serviceAccountName ?? 'default', ...(pod.automountServiceAccountToken === undefined ? {} : { automount: pod.automountServiceAccountToken }) }];
}

/** The pod identities of one emitted object. */
export function podIdentities(object: PlainObject): PodIdentity[] {
  const namespace = object.metadata?.namespace ?? '';
  const spec = (object.spec ?? {}) as Loose;
  switch (object.kind) {
    case 'Deployment':
    case 'Job':
      return identity(namespace, spec.template?.spec);
    case 'CronJob':
      return identity(namespace, spec.jobTemplate?.spec?.template?.spec);
    case 'InferenceService':
      return ['predictor', 'transformer', 'explainer'].flatMap((component) => identity(namespace, spec[component])).concat((Array.isArray(spec.canary) ? (spec.canary as unknown as Loose[]) : []).flatMap((canary) => identity(namespace, canary.predictor)));
    case 'WorkflowTemplate':
    case 'CronWorkflow': {
      const workflow = object.kind === 'CronWorkflow' ? spec.workflowSpec : spec;
      // A workflow from a template runs with the template's accounts (Argo merges the template's spec under the workflow's).
      if (!workflow || (workflow.workflowTemplateRef && !workflow.serviceAccountName)) return [];
      const executor = workflow.executor?.serviceAccountName;
      return [...identity(namespace, workflow), ...(executor ? [{ namespace, serviceAccount: executor, automount: true, executor: true }] : [])];
    }
    default:
      return [];
  }
}
