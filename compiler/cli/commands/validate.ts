/** `mlops validate [dir]`: load, check and resolve a config repo; print diagnostics and a summary. */
import { relative, resolve } from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { discoverConfig } from '../../load/discover.ts';
import type { SourceTree } from '../../load/source-tree.ts';
import { validate } from '../../front-end.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import { type CliCommand, type CliInput, type CliIO, UsageError } from '../command.ts';
import { formatDiagnostics } from '../format/diagnostics.ts';
import { readSourceTree } from '../fs-source.ts';
import { parseInParallel } from '../parallel-parse/parse-in-parallel.ts';

/** Output formats of validate-like commands. */
export type DiagnosticsFormat = 'human' | 'json';

/** Reads `--format`, rejecting anything but the allowed values. */
export function formatOption<T extends string>(input: CliInput, allowed: readonly T[], fallback: T): T {
  const value = input.values.format;
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}; got "${String(value)}".`);
}

/** The one optional directory argument, resolved against the working directory. */
export function directoryArgument(input: CliInput, io: CliIO, commandName: string): { readonly absolute: string; readonly display: string; readonly given: string } {
  if (input.positionals.length > 1) throw new UsageError(`\`mlops ${commandName}\` takes one directory; got ${input.positionals.length} arguments.`);
  const given = input.positionals[0] ?? '.';
  const absolute = resolve(io.cwd, given);
  return { absolute, display: relative(io.cwd, absolute).split('\\').join('/'), given };
}

/** Colour when writing to a terminal, unless NO_COLOR is set; FORCE_COLOR forces it. */
export function wantsColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** What a valid repo declares, for the closing summary. */
export interface RepoStats {
  readonly files: number;
  readonly teams: number;
  readonly models: number;
  readonly versions: number;
  readonly deployments: number;
  readonly pipelines: number;
}

/** Counts config files and what the resolved org declares. */
export function repoStats(tree: SourceTree, org: ResolvedOrg): RepoStats {
  const paths = [...tree.files.map((file) => file.path), ...(tree.otherPaths ?? [])];
  const sum = (count: (team: ResolvedOrg['teams'][number]) => number) => org.teams.reduce((total, team) => total + count(team), 0);
  return {
    files: discoverConfig(paths).locations.length,
    teams: org.teams.length,
    models: sum((team) => team.models.length),
    versions: sum((team) => team.models.reduce((total, model) => total + model.versions.length, 0)),
    deployments: sum((team) => team.deployments.length),
    pipelines: sum((team) => team.pipelines.length),
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `3 teams, 5 models (9 versions), 4 deployments, 3 pipelines in 4 files`. */
export function describeStats(stats: RepoStats): string {
  return `${plural(stats.teams, 'team')}, ${plural(stats.models, 'model')} (${plural(stats.versions, 'version')}), ${plural(stats.deployments, 'deployment')}, ${plural(stats.pipelines, 'pipeline')} in ${plural(stats.files, 'file')}`;
}

/** The `validate` command. */
export const command: CliCommand = {
  name: 'validate',
  summary: 'Check config files against the schemas and each other; report errors at file:line:column.',
  usage: [
    'Usage: mlops validate [dir] [--format human|json]',
    '',
    '  dir            root of the config repo (default: the current directory)',
    '  --format       human (default) or json',
    '',
    'Exit codes: 0 valid, 1 errors found, 2 usage or I/O error.',
  ].join('\n'),
  options: { format: { type: 'string' } },
  async run(input, io) {
    const format = formatOption<DiagnosticsFormat>(input, ['human', 'json'], 'human');
    const dir = directoryArgument(input, io, 'validate');
    const tree = await readSourceTree(dir.absolute, { shown: dir.given });
    const result = validate(tree, { preparsed: await parseInParallel(tree) });
    const pathPrefix = dir.display === '' ? '' : `${dir.display}/`;
    const color = format === 'human' && wantsColor(io);
    if (format === 'json') {
      io.stdout(formatDiagnostics(result.diagnostics, tree, { color: false, format: 'json' }));
      return hasErrors(result.diagnostics) ? 1 : 0;
    }
    if (result.diagnostics.length > 0) io.stdout(formatDiagnostics(result.diagnostics, tree, { color, format, pathPrefix }));
    if (result.org && !hasErrors(result.diagnostics)) {
      const mark = color ? '\u001b[32m✔\u001b[0m' : '✔';
      io.stdout(`${mark} ${dir.display || '.'} is valid: ${describeStats(repoStats(tree, result.org))}.\n`);
      return 0;
    }
    return 1;
  },
};
