/**
 * Generates docs/diagnostics.md from ALL_CODES: every code with its severity, title, description,
 * fix, and an example taken from the first test/fixtures/invalid/<case> (then test/fixtures/emit/<case>)
 * whose expected diagnostics (`expected.json`, `diagnostics.txt`; see test/fixtures/README.md) contain the code — the offending lines and the message exactly as `mlops validate` prints them.
 * Usage: `tsx scripts/generate-diagnostics-doc.ts [--check]`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatDiagnostics } from '../compiler/cli/format/diagnostics.ts';
import { readSourceTree } from '../compiler/cli/fs-source.ts';
import type { CodeInfo } from '../compiler/diagnostics/code-table.ts';
import { ALL_CODES } from '../compiler/diagnostics/all-codes.ts';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.ts';
import type { SourceTree } from '../compiler/load/source-tree.ts';
import { compile, type ValidateOptions, validate } from '../compiler/pipeline.ts';
import { emitGeneratedFile } from './generated-file.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Fixture folders searched for examples, in order: invalid configs first, then emit golden cases. */
export const EXAMPLE_FIXTURES: readonly string[] = [join(root, 'test/fixtures/invalid'), join(root, 'test/fixtures/emit')];

/** A fixture case: its folder and the path shown in the doc. */
interface FixtureCase {
  readonly dir: string;
  readonly label: string;
}
/** A fixed clock, so examples involving waiver expiry do not change from day to day. */
const FIXED_NOW = new Date('2026-06-01T00:00:00Z');

/** The stages, by the hundreds digit of their codes. */
const STAGES: readonly { readonly prefix: string; readonly title: string; readonly intro: string }[] = [
  { prefix: 'ML1', title: 'Loading files (ML1xx)', intro: 'Finding, decoding and parsing config files.' },
  { prefix: 'ML2', title: 'Schema (ML2xx)', intro: 'The shape of each file, checked against `schemas/*.schema.json`.' },
  { prefix: 'ML3', title: 'Semantics (ML3xx)', intro: 'What a schema cannot say: references, names, values, DAGs.' },
  { prefix: 'ML4', title: 'Rollout phase (ML4xx)', intro: 'Capabilities the organisation has not unlocked yet (`rollout.phase`).' },
  { prefix: 'ML5', title: 'Emit (ML5xx)', intro: 'Turning the resolved config into Kubernetes objects.' },
  { prefix: 'ML6', title: 'Policy configuration (ML6xx)', intro: 'Mistakes in rules, modes and waivers themselves (policy findings use rule ids; see below).' },
  { prefix: 'ML7', title: 'Plan (ML7xx)', intro: 'Comparing a base and a head revision.' },
  { prefix: 'ML8', title: 'Promotion and rollback (ML8xx)', intro: 'Why `mlops promote` / `mlops rollback` (and the bot\'s `/mlops promote` / `/mlops rollback`) refuse to open a pull request; see [promote-and-rollback.md](promote-and-rollback.md).' },
];

/** Codes named anywhere in an expected-diagnostics file of a fixture case (JSON, YAML or text). */
function expectedCodes(caseDir: string): Set<string> {
  const codes = new Set<string>();
  for (const name of readdirSync(caseDir)) {
    if (!/expected|diagnostics/i.test(name)) continue;
    const path = join(caseDir, name);
    if (!statSync(path).isFile()) continue;
    for (const match of readFileSync(path, 'utf8').matchAll(/\bML\d{3}\b/g)) codes.add(match[0]);
  }
  return codes;
}

/** The input tree of a case: its `input/` folder when there is one, else the case folder itself. */
function inputDir(caseDir: string): string {
  const input = join(caseDir, 'input');
  return existsSync(input) && statSync(input).isDirectory() ? input : caseDir;
}

/** Fixture cases by code: the first case (by folder, then name) whose expected diagnostics list the code. */
function casesByCode(fixtureRoots: readonly string[]): Map<string, FixtureCase> {
  const byCode = new Map<string, FixtureCase>();
  for (const fixtures of fixtureRoots) {
    if (!existsSync(fixtures)) continue;
    const cases = readdirSync(fixtures).filter((name) => statSync(join(fixtures, name)).isDirectory()).sort();
    for (const name of cases) {
      const dir = join(fixtures, name);
      const label = relative(root, dir).split('\\').join('/');
      for (const code of expectedCodes(dir)) if (!byCode.has(code)) byCode.set(code, { dir, label });
    }
  }
  return byCode;
}

/** A case's `options.json` (e.g. lower parse limits), or none. */
function caseOptions(caseDir: string): ValidateOptions {
  const path = join(caseDir, 'options.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ValidateOptions) : {};
}

function diagnosticsOf(tree: SourceTree, code: string, options: ValidateOptions): Diagnostic[] {
  const validated = validate(tree, options).diagnostics;
  if (validated.some((diagnostic) => diagnostic.code === code)) return validated;
  return compile(tree, { ...options, now: FIXED_NOW }).diagnostics;
}

/** The example block of a code: the diagnostic as the CLI prints it, from its fixture. */
async function example(code: string, fixture: FixtureCase | undefined): Promise<string | undefined> {
  if (fixture === undefined) return undefined;
  const tree = await readSourceTree(inputDir(fixture.dir));
  const diagnostic = diagnosticsOf(tree, code, caseOptions(fixture.dir)).find((candidate) => candidate.code === code);
  if (!diagnostic) return undefined;
  const printed = formatDiagnostics([diagnostic], tree, { color: false, format: 'human' }).split('\n\n')[0]!;
  return [`Example (\`${fixture.label}\`):`, '', '```text', printed.trimEnd(), '```'].join('\n');
}

async function codeSection(code: string, info: CodeInfo, fixture: FixtureCase | undefined): Promise<string> {
  const parts = [`### ${code} — ${info.title}`, '', `Severity: **${info.severity}**`, '', info.description, ''];
  const sample = await example(code, fixture);
  if (sample) parts.push(sample, '');
  parts.push(`**Fix:** ${info.fix}`, '');
  return parts.join('\n');
}

function anchor(code: string, info: CodeInfo): string {
  return `${code} — ${info.title}`
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

/** The whole document; examples come from the fixture cases under `fixtureRoots`. */
export async function diagnosticsDoc(fixtureRoots: readonly string[] = EXAMPLE_FIXTURES): Promise<string> {
  const cases = casesByCode(fixtureRoots);
  const codes = Object.keys(ALL_CODES).sort();
  const parts = [
    '<!-- Generated from compiler/diagnostics/all-codes.ts and test/fixtures/invalid/ by scripts/generate-diagnostics-doc.ts; do not edit. Run `npm run generate`. -->',
    '# Diagnostics',
    '',
    'Every problem Cirrus MLOps reports has a stable code, a severity, a message and a place (`file:line:column`). `mlops validate`, `compile`, `check` and `plan` print them like a compiler:',
    '',
    '```text',
    'teams/fraud/mlops.yaml:13:5 error ML201 Unknown key `modl` in deployments.fraud-api.',
    ' 13 |     modl: fraud-detector',
    '    |     ^~~~',
    '  hint: Did you mean `model`? It is required here.',
    '```',
    '',
    '- **error** blocks `compile` and merging; the command exits with 1.',
    '- **warning** is shown but does not block.',
    '- **info** is recorded (for example in the audit trail).',
    '',
    'With `--format json` the same diagnostics are printed as `{ "version": 1, "diagnostics": [...], "summary": {...} }`; each diagnostic has `code`, `severity`, `message`, `file`, `range` (1-based `line`/`column` and 0-based `offset` of `start` and `end`) and an optional `hint`.',
    '',
    '**Policy findings** (a rule failing, such as `k8s/no-latest-tag` or `ml/model-card`) use the rule id as their code instead of an `ML` number; their severity follows the rule\'s mode (`enforce` → error, `warn` → warning, `audit` → info). They are documented in [policies.md](policies.md), and `mlops explain <rule>` prints one.',
    '',
    '## Index',
    '',
    '| Code | Severity | Title |',
    '|---|---|---|',
    ...codes.map((code) => `| [${code}](#${anchor(code, ALL_CODES[code]!)}) | ${ALL_CODES[code]!.severity} | ${ALL_CODES[code]!.title} |`),
    '',
  ];
  for (const stage of STAGES) {
    const stageCodes = codes.filter((code) => code.startsWith(stage.prefix));
    if (stageCodes.length === 0) continue;
    parts.push(`## ${stage.title}`, '', stage.intro, '');
    for (const code of stageCodes) parts.push(await codeSection(code, ALL_CODES[code]!, cases.get(code)));
  }
  const other = codes.filter((code) => !STAGES.some((stage) => code.startsWith(stage.prefix)));
  if (other.length > 0) {
    parts.push('## Other', '');
    for (const code of other) parts.push(await codeSection(code, ALL_CODES[code]!, cases.get(code)));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await emitGeneratedFile(join(root, 'docs/diagnostics.md'), await diagnosticsDoc());
}
