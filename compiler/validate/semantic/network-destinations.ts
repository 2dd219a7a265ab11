/**
 * platform.yaml `network`: every name a workload kind's `egress` lists is a declared destination
 * (ML339, with a did-you-mean), and every destination is one a NetworkPolicy can express (ML342):
 * `cidrs` — canonical CIDRs, each `except` inside one of them, as the API server requires of an
 * `ipBlock` — or an in-cluster `namespace` (with optional `podLabels`), never both nor neither.
 */
import type { NetworkDestination, Platform } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { closestMatch, formatList } from '../../diagnostics/suggest.ts';
import type { ParsedFile } from '../../load/parsed-file.ts';
import { WORKLOAD_KINDS } from '../../resolve/platform-network.ts';
import { cidrContainsCidr, parseCidr } from '../../support/cidr.ts';
import { labelMapDiagnostics } from './label-maps.ts';

function destinationDiagnostics(file: ParsedFile, name: string, destination: NetworkDestination): Diagnostic[] {
  const path = ['network', 'destinations', name];
  const diagnostics: Diagnostic[] = [];
  const hasCidrs = destination.cidrs !== undefined;
  const hasNamespace = destination.namespace !== undefined;
  if (hasCidrs === hasNamespace) {
    const what = hasCidrs ? 'declares both `cidrs` and `namespace`' : 'declares neither `cidrs` nor `namespace`';
    diagnostics.push(diagnosticAt(file, path, 'ML342', `Destination \`${name}\` ${what}: it must be either outside the cluster (\`cidrs\`) or a namespace inside it.`, { target: 'key', hint: 'Keep `cidrs` for addresses outside the cluster, `namespace` for Services inside it.' }));
  }
  if (!hasNamespace && destination.podLabels !== undefined) {
    diagnostics.push(diagnosticAt(file, [...path, 'podLabels'], 'ML342', `Destination \`${name}\` declares \`podLabels\` without a \`namespace\`.`, { target: 'key', hint: 'Add the namespace the pods run in.' }));
  }
  const blocks = (destination.cidrs ?? []).map((cidr, index) => {
    const block = parseCidr(cidr);
    if (!block) diagnostics.push(diagnosticAt(file, [...path, 'cidrs', index], 'ML342', `\`${cidr}\` is not a CIDR: expected an IPv4 or IPv6 address, \`/\` and a prefix length, e.g. \`10.20.0.0/16\`.`));
    else if (block.hostBitsSet) diagnostics.push(diagnosticAt(file, [...path, 'cidrs', index], 'ML342', `\`${cidr}\` sets bits after its /${block.prefix} prefix; the API server accepts only the network address.`, { hint: 'Clear the host bits (e.g. `10.20.0.0/16`, not `10.20.1.0/16`).' }));
    return block;
  });
  (destination.except ?? []).forEach((text, index) => {
    const inner = parseCidr(text);
    const at = [...path, 'except', index];
    if (!inner) diagnostics.push(diagnosticAt(file, at, 'ML342', `\`${text}\` is not a CIDR: expected e.g. \`10.20.5.0/24\`.`));
    else if (!blocks.some((block) => block !== undefined && cidrContainsCidr(block, inner) && inner.prefix > block.prefix)) {
      diagnostics.push(diagnosticAt(file, at, 'ML342', `\`except\` entry \`${text}\` lies inside none of \`${name}\`'s \`cidrs\`; the API server refuses an \`ipBlock\` whose \`except\` is outside its \`cidr\`.`, { hint: 'Remove it, or make it a smaller block inside one of the CIDRs.' }));
    }
  });
  diagnostics.push(...labelMapDiagnostics(file, [...path, 'podLabels'], destination.podLabels, 'Destination pod label'));
  return diagnostics;
}

/** ML339 and ML342 over platform.yaml `network` (nothing to check for the default platform). */
export function networkDiagnostics(platform: { readonly file?: ParsedFile; readonly config: Pick<Platform, 'network'> }): Diagnostic[] {
  const { file, config } = platform;
  const network = config.network;
  if (!file || !network) return [];
  const destinations = network.destinations ?? {};
  const declared = Object.keys(destinations);
  const diagnostics = declared.flatMap((name) => destinationDiagnostics(file, name, destinations[name]!));
  for (const kind of WORKLOAD_KINDS) {
    (network.egress?.[kind] ?? []).forEach((name, index) => {
      if (Object.hasOwn(destinations, name)) return;
      const suggestion = closestMatch(name, declared);
      const known = declared.length > 0 ? `declared: ${formatList(declared)}` : 'none is declared';
      diagnostics.push(
        diagnosticAt(file, ['network', 'egress', kind, index], 'ML339', `\`network.egress.${kind}\` names destination \`${name}\`, which \`network.destinations\` does not declare (${known}).`, {
          hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Declare it under `network.destinations` with `cidrs` or `namespace`, and `ports`.',
        }),
      );
    });
  }
  diagnostics.push(...labelMapDiagnostics(file, ['network', 'prometheus', 'podLabels'], network.prometheus?.podLabels, 'Prometheus pod label'));
  return diagnostics;
}
