/**
 * Topology spread constraints for replicated production serving pods: spread across zones
 * (`topology.kubernetes.io/zone`) and nodes (`kubernetes.io/hostname`) with `maxSkew: 1`.
 *
 * Both are `whenUnsatisfiable: ScheduleAnyway`: the scheduler scores placements by skew and still
 * spreads whenever it can, but never leaves a replica Pending for balance. `DoNotSchedule` on zones
 * would do exactly that when it hurts most: during a zone outage the lost zone's nodes still count as
 * a domain while they exist, so new replicas elsewhere exceed the skew and stay Pending, as they do in
 * clusters whose node pools are not in every zone (GPU pools) — the PodDisruptionBudget already bounds
 * voluntary disruption. `nodeTaintsPolicy: Honor` keeps tainted nodes the pods cannot use (GPU or
 * edge pools) out of the skew computation.
 *
 * The selector must match the pods' own labels, or every pod counts as 0 and nothing is spread: the
 * callers pass labels they set on the pod template themselves.
 */
import type { ResolvedPlacement } from '../../resolve/resolved-org.ts';

/** Topology keys spread over, widest first. */
export const SPREAD_TOPOLOGY_KEYS = ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'] as const;

/** Whether a placement's pods are spread: production, with at least two replicas always running. */
export function needsTopologySpread(placement: Pick<ResolvedPlacement, 'tier'>, minReplicas: number): boolean {
  return placement.tier === 'production' && minReplicas >= 2;
}

/** The constraints for pods carrying `podLabels` (a subset of their labels that identifies them). */
export function topologySpreadConstraints(podLabels: Readonly<Record<string, string>>): Record<string, unknown>[] {
  return SPREAD_TOPOLOGY_KEYS.map((topologyKey) => ({
    labelSelector: { matchLabels: { ...podLabels } },
    maxSkew: 1,
    nodeTaintsPolicy: 'Honor',
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
  }));
}
