/**
 * Precompiles the config JSON Schemas to JavaScript with ajv's standalone code, so the CLI does not
 * compile them at every start (ajv's compile was half of `mlops validate sample-repo`: ~300 ms of
 * ~650 ms in `node --cpu-prof`). Same ajv options as the run-time compile it replaces; the output is
 * an ES module. Usage:
 * `tsx scripts/generate-schema-validators.ts [--check]`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { CONFIG_SCHEMAS, SCHEMA_OPTIONS } from '../compiler/validate/schema-options.ts';
import { emitGeneratedFile } from './generated-file.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const banner = [
  '// Generated from schemas/*.schema.json by scripts/generate-schema-validators.ts (ajv standalone); do not edit.',
  '// @ts-nocheck',
].join('\n');

const ajv = new Ajv2020({ ...SCHEMA_OPTIONS, code: { source: true, esm: true } });
ajv.addSchema(CONFIG_SCHEMAS.common);
ajv.addSchema(CONFIG_SCHEMAS.platform);
ajv.addSchema(CONFIG_SCHEMAS.team);
const code = standalone.default(ajv, { platform: CONFIG_SCHEMAS.platform.$id, team: CONFIG_SCHEMAS.team.$id });
// ajv's standalone ESM still `require`s its runtime helpers (ucs2length, equal): give the module a
// `require` of its own, which resolves them identically under Node and under vitest.
const esm = `import { createRequire } from 'node:module';const require = createRequire(import.meta.url);${code}`;
process.exitCode = await emitGeneratedFile(join(root, 'compiler/validate/schema-validators.generated.ts'), `${banner}\n${esm}\n`);
