/**
 * The load stage: discover config files in a source tree, parse each, and check what must hold
 * before schema validation (supported apiVersion, the right kind for the location, one file per
 * team, team names matching folders).
 */
import { type Diagnostic, START_OF_FILE } from '../diagnostics/diagnostic.ts';
import { diagnosticAt, diagnosticAtRange } from '../diagnostics/report.ts';
import { discoverConfig } from './discover.ts';
import { DEFAULT_PARSE_LIMITS, type FastParse, type ParseLimits, parseConfigFile } from './parse-file.ts';
import type { ParsedFile } from './parsed-file.ts';
import type { RefusedFile, SourceTree } from './source-tree.ts';

/** The config apiVersion this compiler reads. */
export const API_VERSION = 'mlops.cirruslabs.io/v1alpha1';

/** Parsed files ready for schema validation. */
export interface LoadedConfig {
  readonly platform?: ParsedFile;
  /** Team files, sorted by path. */
  readonly teams: ParsedFile[];
  readonly diagnostics: Diagnostic[];
  /** platform.yaml exists but could not be read (its diagnostics say why): teams cannot be checked against it. */
  readonly platformUnreadable?: boolean;
}

const EXPECTED_KIND = { platform: 'Platform', team: 'Team' } as const;

function headerDiagnostics(file: ParsedFile): Diagnostic[] {
  const value = file.value as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  if (value.apiVersion !== undefined && value.apiVersion !== API_VERSION) {
    diagnostics.push(diagnosticAt(file, ['apiVersion'], 'ML112', `Unsupported apiVersion ${JSON.stringify(value.apiVersion)}; expected ${API_VERSION}.`, { hint: `Write \`apiVersion: ${API_VERSION}\`.` }));
  }
  const expectedKind = EXPECTED_KIND[file.role];
  if (value.kind !== undefined && value.kind !== expectedKind) {
    const where = file.role === 'platform' ? 'platform.yaml' : 'a team file';
    diagnostics.push(diagnosticAt(file, ['kind'], 'ML113', `kind is ${JSON.stringify(value.kind)}, but ${where} holds \`kind: ${expectedKind}\`.`, { hint: `Write \`kind: ${expectedKind}\`.` }));
  }
  return diagnostics;
}

/** The diagnostic of a path the shell would not read. */
function refusedDiagnostic(refused: RefusedFile, limits: ParseLimits): Diagnostic {
  switch (refused.reason) {
    case 'too-large':
      return diagnosticAtRange(refused.path, START_OF_FILE, 'ML105', `File is ${refused.size} bytes; the limit is ${limits.maxBytes} bytes. It was not read.`);
    case 'special-file':
      return diagnosticAtRange(refused.path, START_OF_FILE, 'ML119', `${refused.path} is ${refused.kind}, not a regular file; it was not opened.`, { hint: 'Replace it with a regular file.' });
    case 'outside-link':
      return diagnosticAtRange(refused.path, START_OF_FILE, 'ML119', `${refused.path} is a symbolic link that does not resolve to a file inside the repository; it was not read.`, { hint: 'Replace the link with the file itself, inside the repository.' });
  }
}

function teamName(file: ParsedFile): string | undefined {
  const metadata = (file.value as { metadata?: unknown }).metadata;
  const name = metadata && typeof metadata === 'object' ? (metadata as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Loads every config file of a tree. Files with header errors are dropped from the result. Files in
 * `preparsed` (by path) were parsed already, e.g. on other threads (see `parseFileFast`).
 */
export function loadConfig(tree: SourceTree, limits: ParseLimits = DEFAULT_PARSE_LIMITS, preparsed?: ReadonlyMap<string, FastParse>): LoadedConfig {
  const diagnostics: Diagnostic[] = [];
  const contents = new Map(tree.files.map((file) => [file.path, file.content]));
  const refused = tree.refused ?? [];
  for (const entry of refused) diagnostics.push(refusedDiagnostic(entry, limits));
  const discovery = discoverConfig([...contents.keys(), ...(tree.otherPaths ?? []), ...refused.map((entry) => entry.path)]);
  for (const ignored of discovery.ignored) {
    diagnostics.push(diagnosticAtRange(ignored.path, START_OF_FILE, 'ML110', `${ignored.path} is not read as config.`, { hint: `Did you mean ${ignored.suggestion}?` }));
  }
  if (discovery.locations.length === 0) {
    diagnostics.push(diagnosticAtRange('.', START_OF_FILE, 'ML114', 'No config found: expected platform.yaml, mlops.yaml or teams/<team>/mlops.yaml.'));
    return { teams: [], diagnostics };
  }
  let platform: ParsedFile | undefined;
  let platformUnreadable = refused.some((entry) => entry.path === 'platform.yaml');
  const teams: ParsedFile[] = [];
  const teamFiles = new Map<string, string>();
  for (const location of discovery.locations) {
    const content = contents.get(location.path);
    if (content === undefined) continue;
    const outcome = parseConfigFile(location, content, limits, preparsed?.get(location.path));
    diagnostics.push(...outcome.diagnostics);
    const file = outcome.file;
    const header = file ? headerDiagnostics(file) : [];
    diagnostics.push(...header);
    if (!file || header.length > 0) {
      if (location.role === 'platform') platformUnreadable = true;
      continue;
    }
    if (file.role === 'platform') {
      platform = file;
      continue;
    }
    const name = teamName(file);
    if (name !== undefined && file.folder !== undefined && name !== file.folder) {
      diagnostics.push(diagnosticAt(file, ['metadata', 'name'], 'ML108', `Team is named "${name}" but lives in teams/${file.folder}/.`, { hint: `Write \`name: ${file.folder}\`, or move the file to teams/${name}/mlops.yaml.` }));
    }
    const earlier = name === undefined ? undefined : teamFiles.get(name);
    if (name !== undefined && earlier !== undefined) {
      diagnostics.push(diagnosticAt(file, ['metadata', 'name'], 'ML109', `Team "${name}" is already declared in ${earlier}.`));
      continue;
    }
    if (name !== undefined) teamFiles.set(name, file.path);
    teams.push(file);
  }
  return { ...(platform ? { platform } : {}), teams, diagnostics, ...(platformUnreadable ? { platformUnreadable } : {}) };
}
