/** Diagnostics of checks that run on the resolved org, pinned to the config entry a `SourceRef` names. */
import { type Diagnostic, START_OF_FILE } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt, diagnosticAtRange } from '../../diagnostics/report.ts';
import type { ResolvedOrg, SourceRef } from '../../resolve/resolved-org.ts';

/** A diagnostic at `ref` extended by `subPath` (the nearest existing key when it is not written), or at the file start when the file is not parsed. */
export function resolvedDiagnostic(org: Pick<ResolvedOrg, 'files'>, ref: SourceRef, subPath: readonly (string | number)[], code: string, message: string, hint: string): Diagnostic {
  const file = org.files.get(ref.file);
  return file ? diagnosticAt(file, [...ref.path, ...subPath], code, message, { target: 'key', hint }) : diagnosticAtRange(ref.file, START_OF_FILE, code, message, { hint });
}
