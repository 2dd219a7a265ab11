/**
 * The platform used when a repo has no platform.yaml (documented in docs/config-reference.md):
 * one `dev` environment on one local cluster, rollout phase 1, KServe serving.
 */
import type { Platform } from '../config/types.generated.ts';
import { withNullPrototypes } from '../load/null-prototype.ts';

/** The default platform config. */
export const DEFAULT_PLATFORM: Platform = withNullPrototypes<Platform>({
  apiVersion: 'mlops.cirruslabs.io/v1alpha1',
  kind: 'Platform',
  metadata: { name: 'default', owners: ['@platform'] },
  rollout: { phase: 1 },
  environments: { dev: { tier: 'development', clusters: [{ name: 'dev', region: 'local' }] } },
  serving: { default: 'kserve' },
  gitops: { deployRepo: 'local/mlops-deploy' },
});
