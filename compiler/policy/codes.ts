/** Diagnostic codes of the policy stage (ML6xx). */
import { defineCodes } from '../diagnostics/code-table.ts';

/** Codes of the policy stage. */
export const POLICY_CODES = defineCodes({});
