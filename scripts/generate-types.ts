/**
 * Derives the config TypeScript types from the JSON Schemas in schemas/ (the schemas are the source of
 * truth for shape). Usage: `tsx scripts/generate-types.ts [--check]`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { emitGeneratedFile } from './generated-file.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemasDirectory = join(root, 'schemas');
const banner = '/* Generated from schemas/*.schema.json by scripts/generate-types.ts; do not edit. */';

/** One root over both file schemas so shared definitions are emitted once. */
const rootSchema = {
  title: 'ConfigFiles',
  description: 'The config files of a repo.',
  type: 'object',
  additionalProperties: false,
  properties: {
    platform: { $ref: 'platform.schema.json' },
    team: { $ref: 'team.schema.json' },
  },
} as JSONSchema;

const types = await compile(rootSchema, 'ConfigFiles', {
  cwd: schemasDirectory,
  bannerComment: '',
  additionalProperties: false,
  unreachableDefinitions: false,
  ignoreMinAndMaxItems: true,
  style: { singleQuote: true, printWidth: 110 },
});
process.exitCode = await emitGeneratedFile(join(root, 'compiler/config/types.generated.ts'), `${banner}\n\n${types}`);
