/** Public API of the Cirrus MLOps compiler. */
export type { Diagnostic, Position, Severity, SourceRange } from './diagnostics/diagnostic.ts';
export { hasErrors } from './diagnostics/diagnostic.ts';
export type { KubernetesObject, Manifest, OutputFile } from './emit/manifest.ts';
export type { SourceFile, SourceTree } from './load/source-tree.ts';
export { sourceTreeFromRecord } from './load/source-tree.ts';
export { type CompileOptions, type CompileResult, compile, type ValidateOptions, type ValidateResult, validate } from './pipeline.ts';
export type * from './resolve/resolved-org.ts';
