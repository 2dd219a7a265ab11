/**
 * The compiler's front end: load → validate → resolve, without emit and policy. Its own module so
 * that commands which only validate (`mlops validate`, `graph`) never load cdk8s or the policy
 * engine; `pipeline.ts` re-exports it. Pure: text in, result out.
 */
import { type Diagnostic, hasErrors, normalizeDiagnostics } from './diagnostics/diagnostic.ts';
import { loadConfig } from './load/load-config.ts';
import type { FastParse, ParseLimits } from './load/parse-file.ts';
import type { SourceTree } from './load/source-tree.ts';
import { resolveOrg } from './resolve/resolve-org.ts';
import type { ResolvedOrg } from './resolve/resolved-org.ts';
import { validateConfig } from './validate/validate-config.ts';
import { customMetricSourceDiagnostics } from './validate/resolved/custom-metric-sources.ts';
import { maxScaleQuotaDiagnostics } from './validate/resolved/max-scale-quota.ts';

/** Result of `validate`. */
export interface ValidateResult {
  /** Sorted, de-duplicated. */
  readonly diagnostics: Diagnostic[];
  /** The resolved org, when there were no errors. */
  readonly org?: ResolvedOrg;
}

/** Options of `validate`. */
export interface ValidateOptions {
  readonly limits?: ParseLimits;
  /**
   * Files already parsed by `parseFileFast`, by path, with the same limits (the CLI parses a large
   * tree on several threads); the rest are parsed here. The result is the same either way.
   */
  readonly preparsed?: ReadonlyMap<string, FastParse>;
}

/** Loads, validates and resolves a config tree. */
export function validate(tree: SourceTree, options: ValidateOptions = {}): ValidateResult {
  const loaded = loadConfig(tree, options.limits, options.preparsed);
  const validation = validateConfig(loaded);
  const diagnostics = normalizeDiagnostics([...loaded.diagnostics, ...validation.diagnostics]);
  if (!validation.config || hasErrors(diagnostics)) return { diagnostics };
  const org = resolveOrg(validation.config, tree.otherPaths);
  // Checks that need the resolved org (runtimes, defaults, placements per cluster).
  const resolved = [...customMetricSourceDiagnostics(org), ...maxScaleQuotaDiagnostics(org)];
  if (resolved.length === 0) return { diagnostics, org };
  const all = normalizeDiagnostics([...diagnostics, ...resolved]);
  return hasErrors(all) ? { diagnostics: all } : { diagnostics: all, org };
}
