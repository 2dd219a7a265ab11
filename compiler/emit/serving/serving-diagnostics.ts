/** Diagnostics the serving builders report, pinned to the config entry they concern. */
import { type Diagnostic, START_OF_FILE } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt, diagnosticAtRange } from '../../diagnostics/report.ts';
import type { ResolvedOrg, SourceRef } from '../../resolve/resolved-org.ts';

/** Longest Kubernetes object name emitted (a DNS-1123 label). */
export const MAX_NAME_LENGTH = 63;

/** A diagnostic at `ref` extended by `subPath` (pointing at the key), or at the file start when the file is not parsed. */
export function emitDiagnostic(org: Pick<ResolvedOrg, 'files'>, ref: SourceRef, subPath: readonly (string | number)[], code: string, message: string, hint?: string): Diagnostic {
  const file = org.files.get(ref.file);
  const options = { target: 'key' as const, ...(hint ? { hint } : {}) };
  return file ? diagnosticAt(file, [...ref.path, ...subPath], code, message, options) : diagnosticAtRange(ref.file, START_OF_FILE, code, message, options);
}

/** ML502 when a generated name is too long, else undefined. */
export function checkNameLength(org: Pick<ResolvedOrg, 'files'>, ref: SourceRef, name: string): Diagnostic | undefined {
  if (name.length <= MAX_NAME_LENGTH) return undefined;
  return emitDiagnostic(org, ref, [], 'ML502', `The generated object name \`${name}\` has ${name.length} characters; Kubernetes allows ${MAX_NAME_LENGTH}.`, 'Shorten the deployment, variant or model name.');
}
