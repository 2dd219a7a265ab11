/** The emit stage: one cdk8s App per team × cluster, rendered to a deterministic output tree. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import type { Manifest, OutputFile } from './manifest.ts';

/** What emit produces. */
export interface EmitResult {
  readonly manifests: Manifest[];
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/** Options narrowing what is emitted. */
export interface EmitOptions {
  readonly environments?: readonly string[];
  readonly clusters?: readonly string[];
}

/** Emits the manifests of a resolved org. */
export function emitOrg(_org: ResolvedOrg, _options: EmitOptions = {}): EmitResult {
  return { manifests: [], files: [], diagnostics: [] };
}
