/** Every diagnostic code of every stage, in one table (docs/diagnostics.md is generated from it). */
import { EMIT_CODES } from '../emit/codes.ts';
import { LOAD_CODES } from '../load/codes.ts';
import { PLAN_CODES } from '../plan/codes.ts';
import { POLICY_CODES } from '../policy/codes.ts';
import { PROMOTE_CODES } from '../promote/codes.ts';
import { VALIDATE_CODES } from '../validate/codes.ts';
import type { CodeInfo } from './code-table.ts';

/** Code → documentation, across all stages. */
export const ALL_CODES: Readonly<Record<string, CodeInfo>> = {
  ...LOAD_CODES,
  ...VALIDATE_CODES,
  ...EMIT_CODES,
  ...POLICY_CODES,
  ...PLAN_CODES,
  ...PROMOTE_CODES,
};
