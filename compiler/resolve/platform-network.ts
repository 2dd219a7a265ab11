/**
 * platform.yaml `network` with defaults applied: the named destinations, which workload kinds may
 * reach which of them, and the Prometheus that scrapes model servers. Read from the platform config
 * when emitting, so the resolved platform keeps one shape for every stage.
 */
import type { NetworkDestination, Platform } from '../config/types.generated.ts';
import { EMPTY_RECORD } from '../support/own.ts';

/** The workload kinds that get their own egress: model servers, pipeline pods, drift checks. */
export const WORKLOAD_KINDS = ['serving', 'pipelines', 'driftChecks'] as const;

/** One workload kind. */
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Namespace of the Prometheus that scrapes model servers when platform.yaml names none (prometheus-operator's usual `monitoring`). */
export const DEFAULT_PROMETHEUS_NAMESPACE = 'monitoring';

/** A destination with its name. */
export interface NamedDestination extends NetworkDestination {
  readonly name: string;
}

/** The platform's network settings with defaults applied. */
export interface ResolvedNetwork {
  readonly destinations: Readonly<Record<string, NetworkDestination>>;
  /** Destination names per workload kind, in declaration order. */
  readonly egress: Readonly<Record<WorkloadKind, readonly string[]>>;
  readonly prometheus: { readonly namespace: string; readonly podLabels: Readonly<Record<string, string>> };
}

/** The network settings of a platform config. */
export function platformNetwork(config: Pick<Platform, 'network'>): ResolvedNetwork {
  const network = config.network;
  return {
    destinations: network?.destinations ?? EMPTY_RECORD,
    egress: { serving: network?.egress?.serving ?? [], pipelines: network?.egress?.pipelines ?? [], driftChecks: network?.egress?.driftChecks ?? [] },
    prometheus: { namespace: network?.prometheus?.namespace ?? DEFAULT_PROMETHEUS_NAMESPACE, podLabels: network?.prometheus?.podLabels ?? EMPTY_RECORD },
  };
}

/** The destinations a workload kind may reach (validation, ML339, guarantees every name is declared). */
export function destinationsOf(network: ResolvedNetwork, kind: WorkloadKind): NamedDestination[] {
  return network.egress[kind].flatMap((name) => {
    const destination = Object.hasOwn(network.destinations, name) ? network.destinations[name] : undefined;
    return destination ? [{ name, ...destination }] : [];
  });
}
