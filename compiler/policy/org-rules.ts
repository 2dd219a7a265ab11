/**
 * The org's rules as a unit: the parts of `platform.yaml` that judge teams (policies, allowed image
 * registries, quotas). A change is judged by the rules of its base, so a pull request cannot relax
 * the rules its own team files break: the bot compiles the head with the base's org rules.
 */
import type { ResolvedOrg, ResolvedPlatform } from '../resolve/resolved-org.ts';

/** The parts of the platform that policies read to judge teams. */
export type OrgRules = Pick<ResolvedPlatform, 'policies' | 'allowedRegistries' | 'quotas'>;

/** The org rules a platform declares. */
export function orgRulesOf(platform: ResolvedPlatform): OrgRules {
  return { policies: platform.policies, allowedRegistries: platform.allowedRegistries, quotas: platform.quotas };
}

/** True when two sets of org rules are the same (compared as data). */
export function sameOrgRules(a: OrgRules, b: OrgRules): boolean {
  const key = (rules: OrgRules) => JSON.stringify([rules.policies, rules.allowedRegistries, rules.quotas]);
  return key(a) === key(b);
}

/** The org as policies should see it when judged by `rules` instead of its own platform's rules. */
export function withOrgRules(org: ResolvedOrg, rules: OrgRules): ResolvedOrg {
  return { ...org, platform: { ...org.platform, policies: rules.policies, allowedRegistries: rules.allowedRegistries, quotas: rules.quotas } };
}
