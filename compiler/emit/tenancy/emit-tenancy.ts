/** Tenancy of one team in one environment on one cluster: namespace, quota, limits, identity, network. */
import type { Chart } from 'cdk8s';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { emitLimitRange, emitNamespace, emitResourceQuota } from './namespace-objects.ts';
import { emitNetworkPolicies } from './network-policies.ts';
import { emitOwnerAccess, emitServiceAccount } from './rbac.ts';

/** Adds the tenancy objects of `context` to `chart`. */
export function emitTenancy(chart: Chart, context: TeamClusterContext): void {
  emitNamespace(chart, context);
  emitResourceQuota(chart, context);
  emitLimitRange(chart, context);
  emitServiceAccount(chart, context);
  emitOwnerAccess(chart, context);
  emitNetworkPolicies(chart, context);
}
