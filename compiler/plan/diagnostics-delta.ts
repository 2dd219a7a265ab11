/** Head diagnostics, and which of them the change introduced or resolved relative to the base. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DiagnosticsDelta } from './plan-model.ts';

// Lines move when a file is edited, so findings are matched by code, file and message, not position.
const identity = (diagnostic: Diagnostic) => `${diagnostic.code}\u0000${diagnostic.file}\u0000${diagnostic.message}`;

/** Compares base and head diagnostics. */
export function diagnosticsDelta(base: readonly Diagnostic[], head: readonly Diagnostic[]): DiagnosticsDelta {
  const before = new Set(base.map(identity));
  const after = new Set(head.map(identity));
  const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return {
    head,
    introduced: head.filter((diagnostic) => !before.has(identity(diagnostic))),
    resolved: base.filter((diagnostic) => !after.has(identity(diagnostic))),
    headErrors: errors(head),
    baseErrors: errors(base),
  };
}
