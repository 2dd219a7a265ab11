/** Diagnostics of the head (errors block the plan) and policy findings with waivers. */
import type { Diagnostic } from '../../../diagnostics/diagnostic.ts';
import type { Plan } from '../../plan-model.ts';
import { describeWaiver } from '../describe-ml.ts';
import { escapeInline, inlineCode } from '../escape.ts';
import { limited, MARKDOWN } from '../markdown-formatter.ts';
import type { DiagnosticRowView, DiagnosticsView, PolicyView } from '../view-model.ts';

const ICON = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** True for a policy rule finding (`k8s/no-latest-tag`, `org/prod-min-replicas`) rather than an ML code. */
export function isPolicyFinding(diagnostic: Diagnostic): boolean {
  return diagnostic.code.includes('/');
}

function row(diagnostic: Diagnostic): DiagnosticRowView {
  const hint = diagnostic.hint ? ` ${escapeInline(`(${diagnostic.hint})`)}` : '';
  return {
    icon: ICON[diagnostic.severity],
    code: inlineCode(diagnostic.code),
    where: inlineCode(`${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`),
    message: `${escapeInline(diagnostic.message)}${hint}`,
  };
}

/**
 * Config diagnostics. When the head is invalid: every error (policy errors included, since they block
 * too) and the config warnings; otherwise the config findings the change introduced.
 */
export function diagnosticsView(plan: Plan, limit: number | undefined): DiagnosticsView {
  const invalid = plan.status === 'invalid-head';
  const shown = invalid
    ? plan.diagnostics.head.filter((diagnostic) => diagnostic.severity === 'error' || !isPolicyFinding(diagnostic))
    : plan.diagnostics.introduced.filter((diagnostic) => !isPolicyFinding(diagnostic));
  const resolved = plan.diagnostics.resolved.length;
  const headline = invalid
    ? `The head has ${plan.diagnostics.headErrors} error${plan.diagnostics.headErrors === 1 ? '' : 's'}.`
    : `${shown.length} new finding${shown.length === 1 ? '' : 's'}${resolved > 0 ? `, ${resolved} resolved` : ''}.`;
  return { invalid, headline, rows: limited(shown.map(row), limit), show: invalid || shown.length > 0 || resolved > 0 };
}

/** Policy findings of the head (and the phase gate's finding, which the policy check reports) and waivers worth attention. */
export function policyView(plan: Plan, limit: number | undefined): PolicyView {
  const findings = [...(plan.phaseGate?.diagnostics ?? []), ...plan.diagnostics.head.filter(isPolicyFinding)];
  return {
    rows: limited(findings.map(row), limit),
    waivers: limited(plan.ml.waivers.map((note) => describeWaiver(note, MARKDOWN)), limit),
    clean: findings.length === 0,
  };
}
