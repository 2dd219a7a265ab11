/**
 * Evaluates custom CEL rules: org rules (platform.yaml) on every team they match, team rules on
 * their own team. A rule that does not compile is reported once at its own line and skipped.
 */
import type { CustomRule } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAtRange } from '../../diagnostics/report.ts';
import type { Manifest } from '../../emit/manifest.ts';
import { rangeFromOffsets, rangeOf } from '../../load/parsed-file.ts';
import type { ResolvedOrg, ResolvedTeam, SourceRef } from '../../resolve/resolved-org.ts';
import { manifestSubject } from '../manifest-subject.ts';
import { orgCustomRules, teamCustomRules } from '../rule-catalog.ts';
import type { RuleFinding } from '../rule.ts';
import { CONFIG_TARGETS, type ConfigTarget, configSubjects } from './cel-subjects.ts';
import { toCelValue } from './cel-value.ts';
import { type CompiledExpression, compileExpression, firstLine } from './compile-expression.ts';

/** A finding of a custom rule. */
export interface CustomRuleFinding {
  readonly ruleId: string;
  readonly finding: RuleFinding;
}

interface Declared {
  readonly rule: CustomRule;
  readonly source: SourceRef;
}

/** The range of the expression value, narrowed to `offset` inside it when the scalar is on one line. */
function expressionRange(org: ResolvedOrg, declared: Declared, offset: number | undefined) {
  const file = org.files.get(declared.source.file);
  if (!file) return undefined;
  const range = rangeOf(file, [...declared.source.path, 'expression']);
  const opener = file.text[range.start.offset];
  if (offset === undefined || opener === '|' || opener === '>') return { file: file.path, range };
  const start = range.start.offset + (opener === '"' || opener === "'" ? 1 : 0) + offset;
  return { file: file.path, range: rangeFromOffsets(file, Math.min(start, range.end.offset), Math.min(start + 1, range.end.offset)) };
}

function compileAll(org: ResolvedOrg, declared: readonly Declared[], diagnostics: Diagnostic[]): Map<Declared, CompiledExpression> {
  const compiled = new Map<Declared, CompiledExpression>();
  for (const entry of declared) {
    const outcome = compileExpression(entry.rule.expression);
    if (outcome.ok) {
      compiled.set(entry, outcome.evaluate);
      continue;
    }
    const location = expressionRange(org, entry, outcome.offset);
    if (!location) continue;
    const code = outcome.kind === 'syntax' ? 'ML601' : 'ML602';
    diagnostics.push(diagnosticAtRange(location.file, location.range, code, `Rule ${entry.rule.id}: ${outcome.message}.`));
  }
  return compiled;
}

/** Manifests by `team\0kind`, so a rule visits only its team's objects of its target kinds. */
function manifestsByTeamAndKind(manifests: readonly Manifest[]): Map<string, Manifest[]> {
  const byKey = new Map<string, Manifest[]>();
  for (const manifest of manifests) {
    const key = `${manifest.team}\u0000${manifest.object.kind}`;
    const list = byKey.get(key);
    if (list) list.push(manifest);
    else byKey.set(key, [manifest]);
  }
  return byKey;
}

function describeManifest(manifest: Manifest): string {
  const { kind, metadata } = manifest.object;
  return `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`;
}

/** A rule ready to run on one team (or, for an org rule matching every team, on org-level objects too). */
interface Scheduled {
  readonly declared: Declared;
  readonly evaluate: CompiledExpression;
  readonly team: ResolvedTeam | undefined;
}

/**
 * Custom rules evaluated in steps: compile errors and findings on config subjects come at once;
 * emitted objects are checked batch by batch (`checkManifests`), so a compile can release each
 * team × cluster's objects after checking them. A rule that fails at run time is reported once.
 */
export interface CustomRuleEvaluator {
  /** ML601/ML602 for rules that do not compile, and ML603 for rules that failed so far. */
  readonly diagnostics: Diagnostic[];
  /** Findings on config subjects (models, deployments, pipelines…). */
  readonly configFindings: CustomRuleFinding[];
  /** Findings on a batch of emitted objects. */
  checkManifests(manifests: readonly Manifest[]): CustomRuleFinding[];
}

/** Compiles every custom rule of the org and its teams and evaluates them on the config. */
export function customRuleEvaluator(org: ResolvedOrg): CustomRuleEvaluator {
  const diagnostics: Diagnostic[] = [];
  const orgRules = orgCustomRules(org);
  const teamRules = new Map(org.teams.map((team) => [team.name, teamCustomRules(team)]));
  const compiled = compileAll(org, [...orgRules, ...[...teamRules.values()].flat()], diagnostics);
  const failedRules = new Set<Declared>();
  const scheduled: Scheduled[] = [];
  for (const declared of orgRules) {
    const evaluate = compiled.get(declared);
    if (!evaluate) continue;
    const teams = declared.rule.match?.teams ? new Set(declared.rule.match.teams) : undefined;
    for (const team of org.teams) if (!teams || teams.has(team.name)) scheduled.push({ declared, evaluate, team });
    if (!teams) scheduled.push({ declared, evaluate, team: undefined });
  }
  for (const team of org.teams) {
    for (const declared of teamRules.get(team.name) ?? []) {
      const evaluate = compiled.get(declared);
      if (evaluate) scheduled.push({ declared, evaluate, team });
    }
  }

  const scheduledByTeam = new Map<string, Scheduled[]>();
  for (const entry of scheduled) {
    const name = entry.team?.name ?? '';
    scheduledByTeam.set(name, [...(scheduledByTeam.get(name) ?? []), entry]);
  }

  const check = ({ declared, evaluate, team }: Scheduled, findings: CustomRuleFinding[], object: () => unknown, environment: string | undefined, describe: string, finding: Omit<RuleFinding, 'message'>) => {
    const { rule } = declared;
    if (rule.match?.environments && (environment === undefined || !rule.match.environments.includes(environment))) return;
    let result: unknown;
    try {
      result = evaluate({ object: toCelValue(object()), environment: environment ?? '', team: team?.name ?? '' });
    } catch (error) {
      if (failedRules.has(declared)) return;
      failedRules.add(declared);
      const location = expressionRange(org, declared, undefined);
      if (location) diagnostics.push(diagnosticAtRange(location.file, location.range, 'ML603', `Rule ${rule.id} failed on ${describe}: ${firstLine((error as Error).message)}.`));
      return;
    }
    if (result !== true) findings.push({ ruleId: rule.id, finding: { ...finding, message: `${describe}: ${rule.message}` } });
  };

  const configFindings: CustomRuleFinding[] = [];
  for (const entry of scheduled) {
    if (!entry.team) continue;
    const targets = entry.declared.rule.match?.targets ?? [...CONFIG_TARGETS];
    const configTargets = new Set(targets.filter((target): target is ConfigTarget => (CONFIG_TARGETS as readonly string[]).includes(target)));
    for (const subject of configSubjects(entry.team, configTargets)) {
      check(entry, configFindings, subject.value, subject.environment, subject.label, { team: entry.team.name, subject: subject.subject, ...(subject.environment ? { environment: subject.environment } : {}), source: subject.source });
    }
  }

  return {
    diagnostics,
    configFindings,
    checkManifests(manifests) {
      const findings: CustomRuleFinding[] = [];
      if (scheduled.length === 0) return findings;
      const byTeamAndKind = manifestsByTeamAndKind(manifests);
      // A batch holds one team's objects: only that team's rules run, whatever the number of teams.
      const teams = new Set(manifests.map((manifest) => manifest.team));
      for (const entry of [...teams].flatMap((team) => scheduledByTeam.get(team) ?? [])) {
        const teamName = entry.team?.name ?? '';
        for (const kind of entry.declared.rule.match?.targets ?? [...CONFIG_TARGETS]) {
          for (const manifest of byTeamAndKind.get(`${teamName}\u0000${kind}`) ?? []) {
            const { subject, environment } = manifestSubject(manifest);
            check(entry, findings, () => manifest.object, environment, describeManifest(manifest), { team: teamName, subject, ...(environment ? { environment } : {}), manifest });
          }
        }
      }
      return findings;
    },
  };
}
