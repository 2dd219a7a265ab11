/** Diagnostic codes of the emit stage (ML5xx). */
import { defineCodes } from '../diagnostics/code-table.ts';

/** Codes of the emit stage. */
export const EMIT_CODES = defineCodes({});
