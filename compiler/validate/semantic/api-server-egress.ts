/**
 * Pipelines need the Kubernetes API: Argo Workflows' `wait` container reports each step's outputs and
 * result through it (argo-workflows v4.1.2 `workflow/executor`: `WorkflowTaskResult`s, pod patches),
 * so a pipeline pod whose egress reaches no API server fails every step — and the default-deny
 * NetworkPolicies of the team namespaces allow only the destinations platform.yaml lists under
 * `network.egress.pipelines`. ML353 warns, once per org at the first team that runs pipelines, when
 * none of those destinations can be an API server: a `cidrs` destination open on 443 or 6443 (the
 * API server's endpoints are outside the pod network, so only an `ipBlock` reaches them). A warning:
 * the compiler cannot tell which CIDRs hold the API servers, only that none could.
 * Not for the default platform (no platform.yaml), which has no file to declare `network` in.
 */
import type { Platform } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { ParsedFile } from '../../load/parsed-file.ts';
import type { ValidTeamFile } from '../validated-config.ts';

/** Ports the Kubernetes API server listens on (the `kubernetes` Service's 443, the endpoints' 6443). */
const API_SERVER_PORTS: ReadonlySet<number> = new Set([443, 6443]);

/** True when a destination listed for pipelines could be an API server. */
function reachesApiServer(network: Platform['network']): boolean {
  const destinations = network?.destinations ?? {};
  return (network?.egress?.pipelines ?? []).some((name) => {
    const destination = Object.hasOwn(destinations, name) ? destinations[name] : undefined;
    return destination?.cidrs !== undefined && destination.ports.some((port) => API_SERVER_PORTS.has(port));
  });
}

/** ML353 (see the file comment). */
export function apiServerEgressDiagnostics(teams: readonly ValidTeamFile[], platform: { readonly file?: ParsedFile; readonly config: Pick<Platform, 'network'> }): Diagnostic[] {
  if (!platform.file || reachesApiServer(platform.config.network)) return [];
  const first = teams.find((team) => Object.keys(team.config.pipelines ?? {}).length > 0);
  if (!first) return [];
  const pipeline = Object.keys(first.config.pipelines ?? {})[0]!;
  return [
    diagnosticAt(first.file, ['pipelines', pipeline], 'ML353', `Pipeline \`${pipeline}\` runs on Argo Workflows, whose wait container reports every step through the Kubernetes API, but platform.yaml \`network.egress.pipelines\` lists no destination that could be an API server (a \`cidrs\` destination on port 443 or 6443): the namespace's default-deny policy would fail every step.`, {
      target: 'key',
      hint: 'Declare the API servers under `network.destinations` (e.g. `kubernetes-api: { cidrs: ["10.0.0.0/24"], ports: [443, 6443] }`) and list it under `network.egress.pipelines`.',
    }),
  ];
}
