/** The JSON Schemas of the config files, compiled once with ajv (JSON Schema 2020-12). */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import commonSchema from '../../schemas/common.schema.json' with { type: 'json' };
import platformSchema from '../../schemas/platform.schema.json' with { type: 'json' };
import teamSchema from '../../schemas/team.schema.json' with { type: 'json' };
import type { ConfigFileRole } from '../load/parsed-file.ts';

/** The raw schema documents, for tools that read them (docs generator, editors). */
export const CONFIG_SCHEMAS = { common: commonSchema, platform: platformSchema, team: teamSchema } as const;

let validators: Record<ConfigFileRole, ValidateFunction> | undefined;

/** The compiled validator for a file role (compiled on first use). */
export function schemaValidator(role: ConfigFileRole): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    ajv.addSchema(commonSchema);
    validators = { platform: ajv.compile(platformSchema), team: ajv.compile(teamSchema) };
  }
  return validators[role];
}
