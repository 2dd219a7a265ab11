/** The plan for a terminal: short, aligned, optionally coloured; user strings stripped of control characters. */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Plan } from '../plan-model.ts';
import { type Formatter, describeCapacity, describeMonitor, describePipeline, describeRollout, describeVersion, describeWaiver } from './describe-ml.ts';
import { terminalLine, terminalSafe } from './escape.ts';

/** Options of `planText`. */
export interface TextOptions {
  readonly color: boolean;
  /** Print each resource's diff, not just its path. @default false */
  readonly diffs?: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const;

function painter(color: boolean): (style: keyof typeof ANSI, text: string) => string {
  return (style, text) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}

function where(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
}

/** Renders a plan as terminal text. */
export function planText(plan: Plan, options: TextOptions): string {
  const paint = painter(options.color);
  const f: Formatter = { code: terminalLine, text: terminalLine, strong: (text) => paint('bold', text) };
  const out: string[] = [];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    out.push('', paint('bold', title), ...lines.map((line) => `  ${line}`));
  };
  const riskStyle = plan.risk.level === 'high' ? 'red' : plan.risk.level === 'medium' ? 'yellow' : 'green';
  if (plan.status === 'invalid-head') out.push(paint('red', `✖ The head does not compile (${plan.diagnostics.headErrors} error${plan.diagnostics.headErrors === 1 ? '' : 's'}).`));
  else if (plan.noop) out.push(paint('green', '✔ No changes.'));
  else out.push(`${plan.counts.added} added, ${plan.counts.changed} changed, ${plan.counts.removed} removed (${plan.resources.length} files in ${plan.clusters.length} clusters)`);
  if (plan.diagnostics.baseErrors > 0) out.push(paint('yellow', `! The base does not compile (${plan.diagnostics.baseErrors} error${plan.diagnostics.baseErrors === 1 ? '' : 's'}): its output is taken as empty.`));
  out.push(`risk: ${paint(riskStyle, plan.risk.level)}${plan.scope.incremental ? paint('dim', ` · compiled ${plan.scope.compiledTeams.length}/${plan.scope.totalTeams} teams`) : ''}`);
  section('Clusters', plan.clusters.map((cluster) => `${cluster.cluster === '' ? '(org-wide)' : terminalSafe(cluster.cluster)}${cluster.environment === '' ? '' : ` (${terminalSafe(cluster.environment)})`}: +${cluster.added} ~${cluster.changed} -${cluster.removed}${cluster.teams.length > 0 ? ` · ${cluster.teams.slice(0, 10).map(terminalSafe).join(', ')}${cluster.teams.length > 10 ? ` and ${cluster.teams.length - 10} more` : ''}` : ''}`));
  const diagnostics = plan.status === 'invalid-head' ? plan.diagnostics.head : plan.diagnostics.introduced;
  section(plan.status === 'invalid-head' ? 'Errors' : 'New findings', diagnostics.map((diagnostic) => `${terminalLine(where(diagnostic))} ${paint(diagnostic.severity === 'error' ? 'red' : diagnostic.severity === 'warning' ? 'yellow' : 'cyan', diagnostic.severity)} ${terminalLine(diagnostic.code)} ${terminalLine(diagnostic.message)}`));
  section('Model versions', plan.ml.versions.map((change) => describeVersion(change, f)));
  section('Serving', plan.ml.rollouts.map((change) => describeRollout(change, f)));
  section('Requested compute', plan.ml.capacity.map((delta) => describeCapacity(delta, f)));
  section('Pipelines', plan.ml.pipelines.map((change) => describePipeline(change, f)));
  section('Monitoring', plan.ml.monitors.map((change) => describeMonitor(change, f)));
  section('Waivers', plan.ml.waivers.map((note) => describeWaiver(note, f)));
  if (plan.impact.platformChanged) section('Platform change reaches', [`teams: ${plan.impact.teams.map(terminalSafe).join(', ') || 'none'}`, `clusters: ${plan.impact.clusters.map(terminalSafe).join(', ') || 'none'}`]);
  const mark = { added: paint('green', '+'), changed: paint('yellow', '~'), removed: paint('red', '-') };
  const resourceLines = plan.resources.flatMap((change) => {
    const line = `${mark[change.action]} ${terminalSafe(change.path)} ${paint('dim', `(+${change.linesAdded} -${change.linesRemoved})`)}`;
    if (!options.diffs) return [line];
    return [line, ...terminalSafe(change.diff).trimEnd().split('\n').map((diffLine) => `    ${diffLine.startsWith('+') ? paint('green', diffLine) : diffLine.startsWith('-') ? paint('red', diffLine) : diffLine}`)];
  });
  section('Resources', resourceLines);
  if (plan.deletions.length > 0) section(paint('red', 'Deletions'), plan.deletions.map((change) => terminalSafe(change.path)));
  section('Required approvals', [
    ...plan.approvals.rules.map((rule) => `${rule.count} × ${rule.approvers.length === 0 ? 'any reviewer' : rule.approvers.map(terminalSafe).join(' | ')} — ${terminalSafe(rule.reason)}`),
    ...plan.approvals.conflicts.map((conflict) => paint('red', `⛔ ${terminalSafe(conflict)}`)),
  ]);
  if (plan.phaseGate) {
    const gate = plan.phaseGate;
    section(`Phase gate ${gate.fromPhase} → ${gate.toPhase}: ${gate.status === 'passed' ? paint('green', 'passed') : paint('red', 'failed')}`, [
      ...gate.criteria.map((result) => `${result.status === 'met' || result.status === 'waived' ? '✔' : '✖'} phase ${result.phase} ${result.title}: ${result.status}${result.measurement.value === undefined ? ` (${terminalSafe(result.measurement.reason ?? '')})` : ` (${result.measurement.value}${result.measurement.unit === '' ? '' : ` ${result.measurement.unit}`})`}`),
      ...gate.diagnostics.map((diagnostic) => `${terminalSafe(where(diagnostic))} ${paint('red', diagnostic.severity)} ${diagnostic.code} ${terminalSafe(diagnostic.message)}`),
    ]);
  }
  section('Risk', plan.risk.reasons.map((reason) => `${reason.level}: ${terminalSafe(reason.text)}`));
  return `${out.join('\n')}\n`;
}
