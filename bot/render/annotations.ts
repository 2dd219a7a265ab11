/** Diagnostics as check-run line annotations (pure): one per diagnostic, on its exact lines. */
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { AnnotationLevel, CheckAnnotation } from '../forge/forge.ts';
import { ANNOTATION_MESSAGE_LIMIT, plainText, TITLE_LIMIT } from './text-limits.ts';

/** Annotations sent per check run at most; the summary counts the rest. */
export const MAX_ANNOTATIONS = 1000;

const LEVEL: Record<Diagnostic['severity'], AnnotationLevel> = { error: 'failure', warning: 'warning', info: 'notice' };

/** The annotation of one diagnostic (columns only when it spans one line, as GitHub requires). */
export function annotationOf(diagnostic: Diagnostic): CheckAnnotation {
  const { start, end } = diagnostic.range;
  const endLine = Math.max(start.line, end.line);
  const oneLine = endLine === start.line;
  const message = diagnostic.hint ? `${diagnostic.message}\nHint: ${diagnostic.hint}` : diagnostic.message;
  return {
    path: diagnostic.file,
    start_line: start.line,
    end_line: endLine,
    ...(oneLine ? { start_column: start.column, end_column: Math.max(start.column, end.column) } : {}),
    annotation_level: LEVEL[diagnostic.severity],
    message: plainText(message, ANNOTATION_MESSAGE_LIMIT),
    title: plainText(diagnostic.code, TITLE_LIMIT),
  };
}

/** The annotations of some diagnostics, at most MAX_ANNOTATIONS, in diagnostic order. */
export function annotationsOf(diagnostics: readonly Diagnostic[]): CheckAnnotation[] {
  return diagnostics.slice(0, MAX_ANNOTATIONS).map(annotationOf);
}
