/** Finds a deployment in the resolved org by `name` or `team/name`, with a did-you-mean when it is unknown. */
import { formatList, suggestionHint } from '../diagnostics/suggest.ts';
import type { ResolvedDeployment, ResolvedOrg, ResolvedTeam } from '../resolve/resolved-org.ts';

/** A deployment and the team that declares it. */
export interface FoundDeployment {
  readonly team: ResolvedTeam;
  readonly deployment: ResolvedDeployment;
}

/** The lookup: the deployment, or why it was not found (ML801 in words, with a hint). */
export type DeploymentLookup = { readonly found: FoundDeployment } | { readonly reason: string; readonly hint?: string };

/** Looks up `name` (`fraud-api`) or `team/name` (`fraud/fraud-api`) among every team's deployments. */
export function findDeployment(org: ResolvedOrg, name: string): DeploymentLookup {
  const slash = name.indexOf('/');
  const teamName = slash >= 0 ? name.slice(0, slash) : undefined;
  const deploymentName = slash >= 0 ? name.slice(slash + 1) : name;
  const all = org.teams.flatMap((team) => team.deployments.map((deployment) => ({ team, deployment })));
  const matches = all.filter((candidate) => candidate.deployment.name === deploymentName && (teamName === undefined || candidate.team.name === teamName));
  if (matches.length === 1) return { found: matches[0]! };
  if (matches.length > 1) {
    const qualified = matches.map((match) => `${match.team.name}/${match.deployment.name}`);
    return { reason: `Several teams declare a deployment \`${deploymentName}\`.`, hint: `Say which: ${formatList(qualified)}.` };
  }
  const candidates = [...new Set(all.map((candidate) => (teamName === undefined ? candidate.deployment.name : `${candidate.team.name}/${candidate.deployment.name}`)))].sort();
  const hint = suggestionHint(name, candidates);
  return { reason: `No team declares a deployment \`${name}\`.`, ...(hint !== undefined ? { hint } : {}) };
}
