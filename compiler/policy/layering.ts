/**
 * Layering checks: org rules apply to every team; a team may add rules and make org rules
 * stricter, never weaker. Also checks that modes name known rules and custom rules are well-formed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../diagnostics/report.ts';
import { closestMatch } from '../diagnostics/suggest.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { DEFAULT_MAX_CANARY_TRAFFIC } from './rules/ml/high-risk-canary.ts';
import { MODE_STRICTNESS, modeFromSetting } from './policy-mode.ts';
import { builtInRule } from './registry.ts';
import { type ModeResolver, orgCustomRules, teamCustomRules } from './rule-catalog.ts';
import { isKnownTarget } from './cel/cel-subjects.ts';

function unknownRuleHint(ruleId: string, known: readonly string[]): string | undefined {
  const match = closestMatch(ruleId, known);
  return match ? `Did you mean ${match}?` : undefined;
}

/** Diagnostics for modes, thresholds and custom rule declarations of the org and every team. */
export function layeringDiagnostics(org: ResolvedOrg, modes: ModeResolver, knownIds: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const platformFile = org.platform.file ? org.files.get(org.platform.file) : undefined;
  const orgPolicies = org.platform.policies;
  if (platformFile) {
    for (const ruleId of Object.keys(orgPolicies.modes ?? {})) {
      if (!modes.isKnown(ruleId, '')) diagnostics.push(diagnosticAt(platformFile, ['policies', 'modes', ruleId], 'ML606', `policies.modes names unknown rule ${ruleId}.`, { target: 'key', ...hintOf(unknownRuleHint(ruleId, knownIds)) }));
    }
    (orgPolicies.nonWaivable ?? []).forEach((ruleId, index) => {
      if (!modes.isKnown(ruleId, '')) diagnostics.push(diagnosticAt(platformFile, ['policies', 'nonWaivable', index], 'ML606', `policies.nonWaivable names unknown rule ${ruleId}.`, hintOf(unknownRuleHint(ruleId, knownIds))));
    });
    for (const { rule, source } of orgCustomRules(org)) {
      if (!rule.id.startsWith('org/')) diagnostics.push(diagnosticAt(platformFile, [...source.path, 'id'], 'ML607', `Rule ${rule.id} is declared in platform.yaml, so its id must start with org/.`));
      (rule.match?.targets ?? []).forEach((target, index) => {
        if (!isKnownTarget(target)) diagnostics.push(diagnosticAt(platformFile, [...source.path, 'match', 'targets', index], 'ML607', `Rule ${rule.id} matches unknown target ${target}; use team, model, modelVersion, deployment, pipeline or a Kubernetes kind such as Deployment.`));
      });
    }
  }
  const orgMaxCanary = orgPolicies.maxCanaryTraffic ?? DEFAULT_MAX_CANARY_TRAFFIC;
  for (const team of org.teams) {
    const file = org.files.get(team.file);
    if (!file) continue;
    const teamRuleIds = new Set<string>();
    for (const { rule, source } of teamCustomRules(team)) {
      if (!rule.id.startsWith('team/')) diagnostics.push(diagnosticAt(file, [...source.path, 'id'], 'ML607', `Rule ${rule.id} is declared in a team file, so its id must start with team/.`));
      teamRuleIds.add(rule.id);
      if (rule.match?.teams) diagnostics.push(diagnosticAt(file, [...source.path, 'match', 'teams'], 'ML607', `Team rule ${rule.id} cannot restrict match.teams: it applies to team ${team.name} only.`, { target: 'key' }));
      (rule.match?.targets ?? []).forEach((target, index) => {
        if (!isKnownTarget(target)) diagnostics.push(diagnosticAt(file, [...source.path, 'match', 'targets', index], 'ML607', `Rule ${rule.id} matches unknown target ${target}; use team, model, modelVersion, deployment, pipeline or a Kubernetes kind such as Deployment.`));
      });
    }
    for (const [ruleId, setting] of Object.entries(team.policies.modes ?? {})) {
      if (!modes.isKnown(ruleId, team.name)) {
        diagnostics.push(diagnosticAt(file, ['policies', 'modes', ruleId], 'ML606', `policies.modes names unknown rule ${ruleId}.`, { target: 'key', ...hintOf(unknownRuleHint(ruleId, knownIds)) }));
        continue;
      }
      if (teamRuleIds.has(ruleId)) continue;
      const environments: (string | undefined)[] = [undefined, ...org.platform.environments.map((environment) => environment.name)];
      for (const environment of environments) {
        const teamMode = modeFromSetting(setting, environment);
        const orgMode = modes.orgModeOf(ruleId, environment);
        if (!teamMode || MODE_STRICTNESS[teamMode] >= MODE_STRICTNESS[orgMode]) continue;
        const origin = builtInRule(ruleId) ? 'built-in rule' : 'org rule';
        const where = environment ? ` in ${environment}` : '';
        diagnostics.push(diagnosticAt(file, ['policies', 'modes', ruleId], 'ML604', `Team ${team.name} sets ${origin} ${ruleId} to ${teamMode}${where}, weaker than the org's ${orgMode}; teams may only make rules stricter.`, { target: 'key' }));
        break;
      }
    }
    const teamMax = team.policies.maxCanaryTraffic;
    if (teamMax !== undefined && teamMax > orgMaxCanary) {
      diagnostics.push(diagnosticAt(file, ['policies', 'maxCanaryTraffic'], 'ML605', `Team ${team.name} raises maxCanaryTraffic of org rule ml/high-risk-canary to ${teamMax}; the org allows at most ${orgMaxCanary}.`));
    }
  }
  return diagnostics;
}

function hintOf(hint: string | undefined): { hint?: string } {
  return hint ? { hint } : {};
}
