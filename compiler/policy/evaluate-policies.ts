/**
 * The policy stage: built-in, org and team rules over the resolved config and the emitted
 * manifests, with layering and waivers. Findings become diagnostics whose code is the rule id and
 * whose severity comes from the rule's mode; mistakes in policy config itself are ML6xx codes.
 */
import { type Diagnostic, normalizeDiagnostics, type Severity, START_OF_FILE } from '../diagnostics/diagnostic.ts';
import { diagnosticAtRange } from '../diagnostics/report.ts';
import type { Manifest } from '../emit/manifest.ts';
import type { ResolvedOrg, SourceRef } from '../resolve/resolved-org.ts';
import { customRuleEvaluator } from './cel/custom-rules.ts';
import { layeringDiagnostics } from './layering.ts';
import { indexManifests } from './manifest-index.ts';
import { manifestSubject } from './manifest-subject.ts';
import { podSpecsOf } from './pod-specs.ts';
import { type PolicyMode, severityOfMode } from './policy-mode.ts';
import { KUBERNETES_RULES, ML_RULES } from './registry.ts';
import { type CatalogRule, catalogRules, modeResolver } from './rule-catalog.ts';
import type { RuleFinding } from './rule.ts';
import { locateManifest, locateRef } from './source-location.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import { type ActiveWaiver, checkWaivers, findWaiver } from './waivers.ts';

/** Inputs that are not part of the config. */
export interface PolicyContext {
  /** Today, for waiver expiry (injected so tests control the clock). */
  readonly now: Date;
  /** The config before the change, for rules about transitions (promotion path, canary first). */
  readonly base?: ResolvedOrg;
}

/** One finding of one rule, whether reported or waived. */
export interface PolicyFinding {
  readonly ruleId: string;
  readonly mode: Exclude<PolicyMode, 'disabled'>;
  readonly severity: Severity;
  readonly team: string;
  readonly subject: string;
  readonly environment?: string;
  /** The diagnostic it is (or would be, when waived). */
  readonly diagnostic: Diagnostic;
  /** The waiver that suspends it. */
  readonly waivedBy?: ActiveWaiver;
}

/** Result of evaluating policies. */
export interface PolicyResult {
  /** Unwaived findings and ML6xx policy-config diagnostics, sorted. */
  readonly diagnostics: Diagnostic[];
  /** Every finding, including waived ones (for audit records and plan comments). */
  readonly findings: PolicyFinding[];
  /** Every rule that was evaluated (built-in, org, team). */
  readonly rules: CatalogRule[];
  /** Waivers in force today. */
  readonly waivers: ActiveWaiver[];
}

function describeManifest(manifest: Manifest): string {
  const { kind, metadata } = manifest.object;
  return `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`;
}

/** The config of the pipeline step an Argo template runs, so findings land on the step the user wrote. */
function stepSource(org: ResolvedOrg, team: string, subject: string, template: string): SourceRef | undefined {
  if (!subject.startsWith('pipelines/')) return undefined;
  const pipeline = org.teams.find((candidate) => candidate.name === team)?.pipelines.find((candidate) => `pipelines/${candidate.name}` === subject);
  return pipeline?.steps.find((step) => step.name === template)?.source;
}

/**
 * Policy evaluation in steps: config rules run at the start, emitted objects are checked batch by
 * batch, and `finish` adds what needs the whole picture (waivers that matched nothing). A compile
 * checks each team × cluster's objects as they are emitted, so it need not hold the org's objects at
 * once. Rules relating objects look within one cluster's namespace, which a batch holds entirely.
 */
export interface PolicySession {
  /** Checks a batch of emitted objects: every object of the team × cluster (or more) it covers. */
  checkManifests(manifests: readonly Manifest[]): void;
  /** The result; the session must not be used afterwards. */
  finish(): PolicyResult;
}

function compareFindings(a: PolicyFinding, b: PolicyFinding): number {
  const left = a.diagnostic;
  const right = b.diagnostic;
  return (
    compareCodePoints(left.file, right.file) ||
    left.range.start.offset - right.range.start.offset ||
    compareCodePoints(a.ruleId, b.ruleId) ||
    compareCodePoints(left.message, right.message)
  );
}

/** Starts evaluating policies: layering, waivers, ML rules and custom rules on the config. */
export function startPolicyEvaluation(org: ResolvedOrg, context: PolicyContext): PolicySession {
  const modes = modeResolver(org);
  const rules = catalogRules(org);
  const fixes = new Map(rules.map((rule) => [rule.id, rule.fix]));
  const diagnostics: Diagnostic[] = layeringDiagnostics(org, modes, [...new Set(rules.map((rule) => rule.id))]);
  const waiverCheck = checkWaivers(org, modes, context.now);
  diagnostics.push(...waiverCheck.diagnostics);
  const findings: PolicyFinding[] = [];
  const seen = new Set<string>();
  const usedWaivers = new Set<ActiveWaiver>();

  const record = (ruleId: string, finding: RuleFinding) => {
    const mode = modes.modeOf(ruleId, finding.team, finding.environment);
    const severity = severityOfMode(mode);
    if (mode === 'disabled' || !severity) return;
    const { file, range } = finding.source ? locateRef(org, finding.source) : finding.manifest ? locateManifest(org, finding.manifest) : { file: org.platform.file ?? 'platform.yaml', range: START_OF_FILE };
    const key = `${ruleId}\u0000${file}\u0000${range.start.offset}\u0000${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const fix = fixes.get(ruleId);
    const diagnostic = diagnosticAtRange(file, range, ruleId, finding.message, { severity, ...(fix ? { hint: fix } : {}) });
    const waiver = findWaiver(waiverCheck.active, ruleId, finding);
    if (waiver) usedWaivers.add(waiver);
    findings.push({
      ruleId,
      mode,
      severity,
      team: finding.team,
      subject: finding.subject,
      ...(finding.environment ? { environment: finding.environment } : {}),
      diagnostic,
      ...(waiver ? { waivedBy: waiver } : {}),
    });
  };

  for (const rule of ML_RULES) {
    for (const finding of rule.check({ org, ...(context.base ? { base: context.base } : {}) })) record(rule.id, finding);
  }
  const custom = customRuleEvaluator(org);
  for (const { ruleId, finding } of custom.configFindings) record(ruleId, finding);

  return {
    checkManifests(manifests) {
      const ruleContext = { org, index: indexManifests(manifests) };
      for (const manifest of manifests) {
        const target = { manifest, pods: podSpecsOf(manifest.object) };
        for (const rule of KUBERNETES_RULES) {
          if (rule.podsOnly && target.pods.length === 0) continue;
          const violations = rule.check(target, ruleContext);
          if (violations.length === 0) continue;
          const { subject, environment } = manifestSubject(manifest);
          for (const violation of violations) {
            const stepRef = violation.pod?.template ? stepSource(org, manifest.team, subject, violation.pod.template) : undefined;
            const step = stepRef && violation.field ? { ...stepRef, path: [...stepRef.path, violation.field] } : stepRef;
            record(rule.id, { message: `${describeManifest(manifest)}: ${violation.message}`, team: manifest.team, subject, ...(environment ? { environment } : {}), manifest, ...(step ? { source: step } : {}) });
          }
        }
      }
      for (const { ruleId, finding } of custom.checkManifests(manifests)) record(ruleId, finding);
    },
    finish() {
      diagnostics.push(...custom.diagnostics);
      findings.sort(compareFindings);
      for (const finding of findings) if (!finding.waivedBy) diagnostics.push(finding.diagnostic);
      for (const waiver of waiverCheck.active) {
        if (usedWaivers.has(waiver)) continue;
        const { file, range } = locateRef(org, waiver.source);
        diagnostics.push(diagnosticAtRange(file, range, 'ML611', `Waiver of ${waiver.rule} for ${waiver.target} matches no finding; the rule passes without it.`));
      }
      return { diagnostics: normalizeDiagnostics(diagnostics), findings, rules, waivers: waiverCheck.active };
    },
  };
}

/** Evaluates every rule on the config and on `manifests` at once. */
export function evaluatePolicies(org: ResolvedOrg, manifests: readonly Manifest[], context: PolicyContext): PolicyResult {
  const session = startPolicyEvaluation(org, context);
  session.checkManifests(manifests);
  return session.finish();
}
