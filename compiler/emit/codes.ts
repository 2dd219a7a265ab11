/** Diagnostic codes of the emit stage (ML5xx). */
import { defineCodes } from '../diagnostics/code-table.ts';

/** Codes of the emit stage. */
export const EMIT_CODES = defineCodes({
  ML501: {
    severity: 'warning',
    title: 'Scale to zero not supported here',
    description: '`replicas.min: 0` asks for scale to zero, which only KServe in Knative mode supports; the `deployment` backend, edge clusters and KServe Standard mode keep at least one replica.',
    fix: 'Set `replicas.min` to 1 or more, or serve with KServe in Knative mode (platform.yaml `serving.kserve.deploymentMode: Knative`).',
  },
  ML502: {
    severity: 'error',
    title: 'Generated name too long',
    description: 'A Kubernetes object name built from the deployment name and a suffix (`-canary`, an A/B variant, an additional model) is longer than 63 characters.',
    fix: 'Shorten the deployment, variant or model name.',
  },
  ML503: {
    severity: 'warning',
    title: 'Explainer not emitted',
    description: 'The requested explainer has no built-in KServe v0.20 implementation (KServe ships only `art`), or the deployment runs on the `deployment` backend, so no explainer is deployed.',
    fix: 'Remove `explainer`, or deploy the explainer yourself.',
  },
  ML504: {
    severity: 'info',
    title: 'Bandit A/B test served with fixed weights',
    description: 'A/B tests with `strategy: bandit` are emitted with the declared traffic shares as fixed weights: no bandit controller is emitted, so nothing adjusts them at run time.',
    fix: 'Use `strategy: fixed` to say what happens, or change the shares by hand as results come in.',
  },
  ML505: {
    severity: 'error',
    title: 'Output file collision',
    description: 'Two emitted objects of the same kind and name would be written to the same file (e.g. deployment `a` with A/B variant `b` and a deployment named `a-b`).',
    fix: 'Rename one of the deployments, variants or models named in the message.',
  },
  ML506: {
    severity: 'warning',
    title: 'Additional models not served',
    description: '`additionalModels` needs KServe multi-model serving; on the `deployment` backend (and on edge clusters, which always use it) only the main model is served.',
    fix: 'Serve the deployment with the `kserve` backend, or give each additional model its own deployment.',
  },
  ML507: {
    severity: 'warning',
    title: 'SLO not alerted',
    description: 'A `monitoring.<deployment>.slo` objective needs a metric the serving runtime does not export (a latency histogram for `latencyP99Ms`, a request counter labelled by outcome for `errorRatePercent` and `availabilityPercent`), or the runtime is not known to the platform at all (then nothing is scraped either); no alert is emitted for it.',
    fix: 'Declare the runtime\'s metrics in platform.yaml `serving.runtimes.<runtime>.metrics` (docs/monitoring.md lists the built-in defaults), serve the model with a runtime that exports them, or remove the objective.',
  },
});
