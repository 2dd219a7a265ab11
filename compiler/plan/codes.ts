/** Diagnostic codes of the plan stage (ML7xx). */
import { defineCodes } from '../diagnostics/code-table.ts';

/** Codes of the plan stage. */
export const PLAN_CODES = defineCodes({});
