/**
 * Runs the `run:` steps of a composite action (action.yml) the way the GitHub runner does: each
 * step's `${{ }}` expressions expanded (only the forms action.yml uses), its script run by
 * `bash --noprofile --norc -eo pipefail`, `GITHUB_OUTPUT` read back into `steps.<id>.outputs`,
 * `GITHUB_STEP_SUMMARY` shared. `uses:` steps are reported, not run (they need GitHub).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One step of a composite action, as parsed from action.yml. */
export interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly 'working-directory'?: string;
}

/** What the runner provides. */
export interface RunnerContext {
  readonly inputs: Readonly<Record<string, string>>;
  readonly actionPath: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  /** Steps not to run, by id (e.g. the install step, when the test provides the build). */
  readonly skip?: readonly string[];
}

/** What a run of the steps did. */
export interface ActionRun {
  /** Exit code of the first failing step, or 0. */
  readonly exitCode: number;
  readonly failedStep?: string;
  readonly outputs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly summary: string;
  readonly log: string;
  /** `uses:` steps in order, with their expanded `with:` inputs. */
  readonly uses: readonly { readonly uses: string; readonly with: Readonly<Record<string, string>> }[];
}

/** Expands `${{ inputs.x }}`, `${{ github.action_path }}`, `${{ runner.temp }}` and `${{ steps.<id>.outputs.<name> }}`. */
export function expandExpressions(text: string, context: RunnerContext, outputs: Readonly<Record<string, Readonly<Record<string, string>>>>): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_match, expression: string) => {
    if (expression === 'github.action_path') return context.actionPath;
    if (expression === 'runner.temp') return context.runnerTemp;
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return context.inputs[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return outputs[output[1]!]?.[output[2]!] ?? '';
    throw new Error(`action-runner: unsupported expression \${{ ${expression} }}`);
  });
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

/** Runs the steps in order and stops at the first failing one, as the runner does. */
export function runCompositeSteps(steps: readonly ActionStep[], context: RunnerContext): ActionRun {
  const outputs: Record<string, Record<string, string>> = {};
  const summaryFile = join(context.runnerTemp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const uses: { uses: string; with: Record<string, string> }[] = [];
  const log: string[] = [];
  for (const [index, step] of steps.entries()) {
    if (step.id !== undefined && context.skip?.includes(step.id)) continue;
    if (step.uses !== undefined) {
      uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, expandExpressions(String(value), context, outputs)])) });
      continue;
    }
    if (step.run === undefined) throw new Error(`step ${index} has neither run nor uses`);
    if (step.if !== undefined) throw new Error(`action-runner runs every run step; step "${step.name}" has an if`);
    if (step.shell !== 'bash') throw new Error(`step "${step.name}" must say shell: bash`);
    const outputFile = join(context.runnerTemp, `output-${index}`);
    writeFileSync(outputFile, '');
    const script = join(context.runnerTemp, `step-${index}.sh`);
    writeFileSync(script, expandExpressions(step.run, context, outputs));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expandExpressions(String(value), context, outputs)]));
    const cwd = step['working-directory'] === undefined ? context.workspace : expandExpressions(step['working-directory'], context, outputs);
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTION_PATH: context.actionPath, GITHUB_WORKSPACE: context.workspace, RUNNER_TEMP: context.runnerTemp, ...stepEnv },
    });
    log.push(`## ${step.name ?? index}\n${result.stdout}${result.stderr}`);
    if (step.id !== undefined) outputs[step.id] = readOutputs(outputFile);
    if (result.status !== 0) return { exitCode: result.status ?? 1, failedStep: step.name ?? String(index), outputs, summary: readFileSync(summaryFile, 'utf8'), log: log.join('\n'), uses };
  }
  return { exitCode: 0, outputs, summary: readFileSync(summaryFile, 'utf8'), log: log.join('\n'), uses };
}
