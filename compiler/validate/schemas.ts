/**
 * The validators of the config files: the JSON Schemas precompiled to JavaScript by ajv's standalone
 * code (`npm run generate` regenerates them; `check:generated` fails when they are stale), so no
 * schema is compiled at run time.
 */
import type { ValidateFunction } from 'ajv';
import type { ConfigFileRole } from '../load/parsed-file.ts';
import { platform, team } from './schema-validators.generated.ts';

const validators = { platform, team } as unknown as Record<ConfigFileRole, ValidateFunction>;

/** The precompiled validator for a file role. */
export function schemaValidator(role: ConfigFileRole): ValidateFunction {
  return validators[role];
}
