/**
 * Pipeline steps form a DAG: every `dependsOn` names a step of the pipeline (ML316) and the
 * dependencies have no cycle (ML315; the message lists the cycle).
 */
import type { Step } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { suggestionHint } from '../../diagnostics/suggest.ts';
import type { ParsedFile } from '../../load/parsed-file.ts';
import type { ValidTeamFile } from '../validated-config.ts';

/** A dependency edge: step `from` (at `stepIndex`) waits for `to`, declared at `dependsOn[edgeIndex]`. */
interface Edge {
  readonly to: string;
  readonly stepIndex: number;
  readonly edgeIndex: number;
}

/**
 * The cycles of a dependency graph, each as the list of step names in order and the edge that
 * closes it. Depth-first search; each cycle is reported once, at the first back edge found.
 */
export function findCycles(steps: readonly Step[]): { names: string[]; closing: Edge }[] {
  const indexOf = new Map<string, number>();
  steps.forEach((step, position) => {
    if (!indexOf.has(step.name)) indexOf.set(step.name, position);
  });
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: { names: string[]; closing: Edge }[] = [];
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    const stepIndex = indexOf.get(name)!;
    (steps[stepIndex]!.dependsOn ?? []).forEach((to, edgeIndex) => {
      if (!indexOf.has(to)) return;
      const seen = state.get(to);
      if (seen === 'visiting') cycles.push({ names: [...stack.slice(stack.indexOf(to)), to], closing: { to, stepIndex, edgeIndex } });
      else if (seen === undefined) visit(to);
    });
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of indexOf.keys()) if (!state.has(name)) visit(name);
  return cycles;
}

function pipelineDiagnostics(file: ParsedFile, pipeline: string, steps: readonly Step[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const names = steps.map((step) => step.name);
  steps.forEach((step, stepIndex) => {
    (step.dependsOn ?? []).forEach((dependency, edgeIndex) => {
      if (names.includes(dependency)) return;
      const hint = suggestionHint(dependency, names.filter((name) => name !== step.name));
      diagnostics.push(
        diagnosticAt(file, ['pipelines', pipeline, 'steps', stepIndex, 'dependsOn', edgeIndex], 'ML316', `Step \`${step.name}\` of pipeline \`${pipeline}\` depends on \`${dependency}\`, which the pipeline does not have.`, hint ? { hint } : {}),
      );
    });
  });
  for (const cycle of findCycles(steps)) {
    const { stepIndex, edgeIndex } = cycle.closing;
    const message = cycle.names.length === 2 ? `Step \`${cycle.names[0]}\` of pipeline \`${pipeline}\` depends on itself.` : `Steps of pipeline \`${pipeline}\` depend on each other in a cycle: ${cycle.names.join(' → ')}.`;
    diagnostics.push(diagnosticAt(file, ['pipelines', pipeline, 'steps', stepIndex, 'dependsOn', edgeIndex], 'ML315', message, { hint: 'Remove one of the `dependsOn` edges of the cycle.' }));
  }
  return diagnostics;
}

/** Step DAG checks of one team file. */
export function stepDagDiagnostics(team: ValidTeamFile): Diagnostic[] {
  return Object.entries(team.config.pipelines ?? {}).flatMap(([name, pipeline]) => pipelineDiagnostics(team.file, name, pipeline.steps));
}
