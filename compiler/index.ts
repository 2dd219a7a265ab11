/** Public API of the Cirrus MLOps compiler. */
export type { Diagnostic, Position, Severity, SourceRange } from './diagnostics/diagnostic.ts';
export { hasErrors } from './diagnostics/diagnostic.ts';
export type { KubernetesObject, Manifest, OutputFile } from './emit/manifest.ts';
export type { SourceFile, SourceTree } from './load/source-tree.ts';
export { sourceTreeFromRecord } from './load/source-tree.ts';
export { type CompileBatch, type CompileOptions, type CompileResult, type CompileSummary, compile, compileInBatches, type ValidateOptions, type ValidateResult, validate } from './pipeline.ts';
export { type PlanOptions, plan } from './plan/plan.ts';
export { type OrgRules, orgRulesOf, sameOrgRules, withOrgRules } from './policy/org-rules.ts';
export type { Plan } from './plan/plan-model.ts';
export type * from './resolve/resolved-org.ts';
