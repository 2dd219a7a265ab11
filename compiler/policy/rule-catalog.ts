/**
 * The rules in force for a team — built-in, org (platform.yaml) and its own team rules — and the
 * mode each has in each environment after layering: org settings override built-in defaults; a
 * team setting applies to org and built-in rules only where it is stricter.
 */
import type { CustomRule } from '../config/types.generated.ts';
import type { ResolvedOrg, ResolvedTeam, SourceRef } from '../resolve/resolved-org.ts';
import { type DefaultMode, type ModeSetting, modeFromDefault, modeFromSetting, type PolicyMode, stricterMode } from './policy-mode.ts';
import { BUILT_IN_RULES, builtInRule } from './registry.ts';
import type { RuleDocs } from './rule.ts';

/** A rule as the engine and `explain` see it, whatever its origin. */
export interface CatalogRule extends RuleDocs {
  readonly id: string;
  readonly origin: 'built-in' | 'org' | 'team';
  /** For team rules. */
  readonly team?: string;
  readonly defaultMode: DefaultMode | ModeSetting;
  readonly waivable: boolean;
  /** Where a custom rule is declared. */
  readonly source?: SourceRef;
}

function customToCatalog(rule: CustomRule, origin: 'org' | 'team', source: SourceRef, waivable: boolean, team?: string): CatalogRule {
  return {
    id: rule.id,
    origin,
    ...(team ? { team } : {}),
    title: rule.description ?? rule.message,
    description: rule.description ?? `Custom ${origin} rule: \`${rule.expression}\`.`,
    fix: rule.message,
    defaultMode: rule.mode ?? 'enforce',
    waivable,
    source,
  };
}

/** Org custom rules with their declaration sites. */
export function orgCustomRules(org: ResolvedOrg): { rule: CustomRule; source: SourceRef }[] {
  const file = org.platform.file ?? 'platform.yaml';
  return (org.platform.policies.rules ?? []).map((rule, index) => ({ rule, source: { file, path: ['policies', 'rules', index] } }));
}

/** A team's custom rules with their declaration sites. */
export function teamCustomRules(team: ResolvedTeam): { rule: CustomRule; source: SourceRef }[] {
  return team.rules.map((rule, index) => ({ rule, source: { file: team.file, path: ['policies', 'rules', index] } }));
}

/** The built-in rules as catalog entries; `nonWaivable` is the org's list. */
export function builtInCatalog(nonWaivable: ReadonlySet<string> = new Set()): CatalogRule[] {
  return BUILT_IN_RULES.map((rule) => ({
    id: rule.id,
    origin: 'built-in',
    title: rule.title,
    description: rule.description,
    fix: rule.fix,
    defaultMode: rule.defaultMode,
    waivable: rule.waivable !== false && !nonWaivable.has(rule.id),
  }));
}

/** Every rule known to the org (built-in, org, and each team's), for `explain` and SARIF. */
export function catalogRules(org: ResolvedOrg): CatalogRule[] {
  const nonWaivable = new Set(org.platform.policies.nonWaivable ?? []);
  const rules = builtInCatalog(nonWaivable);
  const seen = new Set(rules.map((rule) => rule.id));
  for (const { rule, source } of orgCustomRules(org)) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    rules.push(customToCatalog(rule, 'org', source, rule.waivable !== false && !nonWaivable.has(rule.id)));
  }
  for (const team of org.teams) {
    for (const { rule, source } of teamCustomRules(team)) {
      if (seen.has(`${team.name}\u0000${rule.id}`)) continue;
      seen.add(`${team.name}\u0000${rule.id}`);
      rules.push(customToCatalog(rule, 'team', source, rule.waivable !== false, team.name));
    }
  }
  return rules;
}

/** Resolves modes and waivability of rules for one org. */
export interface ModeResolver {
  /** The mode of a rule for a team (`''` for org-level objects) in an environment. */
  modeOf(ruleId: string, team: string, environment: string | undefined): PolicyMode;
  /** The org's mode before any team setting. */
  orgModeOf(ruleId: string, environment: string | undefined): PolicyMode;
  /** Whether a team may waive the rule. */
  isWaivable(ruleId: string, team: string): boolean;
  /** Whether the rule exists for the team. */
  isKnown(ruleId: string, team: string): boolean;
}

/** Builds the resolver. */
export function modeResolver(org: ResolvedOrg): ModeResolver {
  const tiers = new Map(org.platform.environments.map((environment) => [environment.name, environment.tier]));
  const orgModes = org.platform.policies.modes ?? {};
  const orgRules = new Map(orgCustomRules(org).map(({ rule }) => [rule.id, rule]));
  const nonWaivable = new Set(org.platform.policies.nonWaivable ?? []);
  const teams = new Map(org.teams.map((team) => [team.name, { team, rules: new Map(team.rules.map((rule) => [rule.id, rule])) }]));
  const orgModeOf = (ruleId: string, environment: string | undefined): PolicyMode => {
    const configured = modeFromSetting(orgModes[ruleId], environment);
    if (configured) return configured;
    const custom = orgRules.get(ruleId);
    if (custom) return modeFromSetting(custom.mode, environment) ?? 'enforce';
    const builtIn = builtInRule(ruleId);
    return builtIn ? modeFromDefault(builtIn.defaultMode, environment !== undefined ? tiers.get(environment) : undefined) : 'enforce';
  };
  return {
    orgModeOf,
    modeOf(ruleId, teamName, environment) {
      const entry = teams.get(teamName);
      const teamSetting = modeFromSetting(entry?.team.policies.modes?.[ruleId], environment);
      const teamRule = entry?.rules.get(ruleId);
      if (teamRule && !orgRules.has(ruleId)) return teamSetting ?? modeFromSetting(teamRule.mode, environment) ?? 'enforce';
      const base = orgModeOf(ruleId, environment);
      return teamSetting ? stricterMode(base, teamSetting) : base;
    },
    isWaivable(ruleId, teamName) {
      if (nonWaivable.has(ruleId)) return false;
      const builtIn = builtInRule(ruleId);
      if (builtIn) return builtIn.waivable !== false;
      const rule = orgRules.get(ruleId) ?? teams.get(teamName)?.rules.get(ruleId);
      return rule?.waivable !== false;
    },
    isKnown(ruleId, teamName) {
      return builtInRule(ruleId) !== undefined || orgRules.has(ruleId) || (teams.get(teamName)?.rules.has(ruleId) ?? false);
    },
  };
}
