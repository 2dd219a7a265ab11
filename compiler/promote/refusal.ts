/** Why a promotion or rollback pull request is not opened: a code, the reason in plain words, and the findings behind it. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SourceFile, SourceTree } from '../load/source-tree.ts';

/** A refusal: shown to the person who asked (CLI exit 1, or a comment from the bot). */
export interface Refusal {
  /** An ML8xx code, or the first error's code when the config itself has errors. */
  readonly code: string;
  readonly reason: string;
  readonly hint?: string;
  /** Findings with file and range, when the refusal comes from the config. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A refusal from the first error of `diagnostics`. */
export function refusalFromDiagnostics(diagnostics: readonly Diagnostic[], reason?: string): Refusal {
  const first = diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? diagnostics[0]!;
  return { code: first.code, reason: reason ?? first.message, ...(reason === undefined && first.hint !== undefined ? { hint: first.hint } : {}), diagnostics };
}

/** The text of a config file of a tree. */
export function fileText(file: SourceFile): string {
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}

/** The tree with one file's content replaced. */
export function withFile(tree: SourceTree, path: string, content: string): SourceTree {
  return { ...tree, files: tree.files.map((file) => (file.path === path ? { path, content } : file)) };
}
