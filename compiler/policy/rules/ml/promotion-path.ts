/** ml/promotion-path: a version reaches an environment only after it was in the environment it is promoted from. */
import type { ResolvedOrg, ResolvedTeam } from '../../../resolve/resolved-org.ts';
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { compareVersions } from './model-version-order.ts';
import { type ServedVersionEntry, servedVersions } from './served-versions.ts';

/** Served versions by `deployment\0environment`. */
function servedByPlacement(team: ResolvedTeam | undefined): Map<string, ServedVersionEntry[]> {
  const byPlacement = new Map<string, ServedVersionEntry[]>();
  for (const entry of team ? servedVersions(team) : []) {
    const key = `${entry.deployment}\u0000${entry.environment}`;
    const list = byPlacement.get(key);
    if (list) list.push(entry);
    else byPlacement.set(key, [entry]);
  }
  return byPlacement;
}

function sameVersion(entries: readonly ServedVersionEntry[], entry: ServedVersionEntry): boolean {
  return entries.some((other) => other.model === entry.model && other.version === entry.version);
}

/** The rule. */
export const promotionPath: ConfigRule = {
  id: 'ml/promotion-path',
  scope: 'config',
  title: 'Promotion path',
  description:
    'When a production environment declares `promotion.from`, every version it serves must have been served by the same deployment in that source environment. Given the base of a change, the version must already have been in the source environment (or in the target) before the change, so one pull request cannot ship to staging and production at once. Without a base, the head config is checked: the source must serve the same version or a newer one of the same model.',
  fix: 'Deploy the version to the source environment first, merge, then promote it.',
  defaultMode: 'enforce',
  check({ org, base }) {
    const findings: RuleFinding[] = [];
    const sources = promotionSources(org);
    for (const team of org.teams) {
      const head = servedByPlacement(team);
      const before = servedByPlacement(base?.teams.find((candidate) => candidate.name === team.name));
      const servedIn = (served: Map<string, ServedVersionEntry[]>, deployment: string, environment: string) => served.get(`${deployment}\u0000${environment}`) ?? [];
      for (const entry of servedVersions(team)) {
        const from = sources.get(entry.environment);
        if (!from || entry.tier !== 'production') continue;
        let promoted: boolean;
        if (base) {
          promoted = sameVersion(servedIn(before, entry.deployment, from), entry) || sameVersion(servedIn(before, entry.deployment, entry.environment), entry);
        } else {
          promoted = servedIn(head, entry.deployment, from).some((other) => other.model === entry.model && compareVersions(other.version, entry.version) >= 0);
        }
        if (promoted) continue;
        findings.push({
          message: `${entry.model} ${entry.version} (${entry.role} of ${entry.deployment} in ${entry.environment}) was not deployed to ${from} first${base ? ' in the base of this change' : ''}.`,
          team: team.name,
          subject: `deployments/${entry.deployment}`,
          environment: entry.environment,
          source: { file: team.file, path: entry.path },
        });
      }
    }
    return findings;
  },
};

/** Environment → the environment it is promoted from. */
export function promotionSources(org: ResolvedOrg): ReadonlyMap<string, string> {
  return new Map(org.platform.environments.flatMap((environment) => (environment.promotion ? [[environment.name, environment.promotion.from] as const] : [])));
}
