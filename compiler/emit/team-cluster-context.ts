/** What every emit builder receives: one team on one cluster of one environment. */
import type { ResolvedCluster, ResolvedEnvironment, ResolvedOrg, ResolvedTeam } from '../resolve/resolved-org.ts';

/** The unit of emission (one cdk8s App per team × cluster). */
export interface TeamClusterContext {
  readonly org: ResolvedOrg;
  readonly team: ResolvedTeam;
  readonly environment: ResolvedEnvironment;
  readonly cluster: ResolvedCluster;
  /** The team's namespace in this environment (`<team>-<environment>`). */
  readonly namespace: string;
}
