/** Compiles a custom rule's CEL expression once, reporting syntax and type errors as data. */
import { Environment } from '@marcbachmann/cel-js';

/** The variables every rule expression may use. */
export const CEL_VARIABLES = { object: 'dyn', environment: 'string', team: 'string' } as const;

let shared: Environment | undefined;

function environment(): Environment {
  if (!shared) {
    let created = new Environment();
    for (const [name, type] of Object.entries(CEL_VARIABLES)) created = created.registerVariable(name, type);
    shared = created;
  }
  return shared;
}

/** A compiled expression: call it with the variables. */
export type CompiledExpression = (variables: { object: unknown; environment: string; team: string }) => unknown;

/** Result of compiling: the program, or an error with its offset in the expression. */
export type CompileOutcome =
  | { readonly ok: true; readonly evaluate: CompiledExpression }
  | { readonly ok: false; readonly kind: 'syntax' | 'type'; readonly message: string; readonly offset?: number };

/** The first line of a cel-js error message (the rest is a code frame). */
export function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function offsetOf(error: unknown): number | undefined {
  const pos = (error as { node?: { pos?: unknown } }).node?.pos;
  return typeof pos === 'number' ? pos : undefined;
}

/** Parses and type-checks `expression`; it must return a bool. */
export function compileExpression(expression: string): CompileOutcome {
  let program: ReturnType<Environment['parse']>;
  try {
    program = environment().parse(expression);
  } catch (error) {
    const offset = offsetOf(error);
    return { ok: false, kind: 'syntax', message: firstLine((error as Error).message), ...(offset !== undefined ? { offset } : {}) };
  }
  const checked = program.check();
  if (!checked.valid) {
    const offset = offsetOf(checked.error);
    return { ok: false, kind: 'type', message: firstLine(checked.error?.message ?? 'type error'), ...(offset !== undefined ? { offset } : {}) };
  }
  if (checked.type !== 'bool' && checked.type !== 'dyn') return { ok: false, kind: 'type', message: `the expression returns ${checked.type}, not bool` };
  return { ok: true, evaluate: (variables) => program(variables) };
}
