/** The JSON Schemas of the config files and the ajv options they are compiled with (JSON Schema 2020-12). */
import type { Options } from 'ajv';
import commonSchema from '../../schemas/common.schema.json' with { type: 'json' };
import platformSchema from '../../schemas/platform.schema.json' with { type: 'json' };
import teamSchema from '../../schemas/team.schema.json' with { type: 'json' };

/** The raw schema documents, for tools that read them (docs generator, validator generator, editors). */
export const CONFIG_SCHEMAS = { common: commonSchema, platform: platformSchema, team: teamSchema } as const;

/** ajv options of the config validators: every error, with the failing schema and data (for messages). */
export const SCHEMA_OPTIONS: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };
