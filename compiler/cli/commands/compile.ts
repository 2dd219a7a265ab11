/**
 * `mlops compile [dir] --out <dir>`: compile a config repo to manifests. Output is written to a temp
 * folder beside `--out` and renamed into place, so a failed compile never leaves half an output; nothing
 * is written when any error diagnostic exists.
 */
import { readdir } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import type { OutputFormat } from '../../emit/render.ts';
import { type CliCommand, type CliInput, UsageError } from '../command.ts';
import { formatDiagnostics } from '../format/diagnostics.ts';
import { compileInBatches } from '../../pipeline.ts';
import { StagedOutput } from '../output/staged-output.ts';
import { parseInParallel } from '../parallel-parse/parse-in-parallel.ts';
import { readSourceTree } from '../fs-source.ts';
import { assertFiltersMatch } from '../platform-filters.ts';
import { assertCreatable, entryAt } from '../writable-target.ts';
import { sourceBytes } from '../../load/source-tree.ts';
import { directoryArgument, formatOption, wantsColor } from './validate.ts';

/**
 * Config size from which output is written on a writer thread: about 40 teams, which write some
 * 15,000 files; below it, writing in this thread costs less than starting one.
 */
export const THREADED_WRITE_MIN_SOURCE_BYTES = 1024 * 1024;

/** Top-level entries of a compile output folder; `--out` may replace a folder holding only these. */
export const OUTPUT_ENTRIES: ReadonlySet<string> = new Set(['argocd', 'clusters', 'registry.json']);

function listOption(input: CliInput, name: string): string[] | undefined {
  const value = input.values[name];
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry).split(',')).map((entry) => entry.trim()).filter((entry) => entry !== '');
  return values.length > 0 ? values : undefined;
}

function isInside(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && path !== '..');
}

/** Refuses `--out` folders whose replacement would destroy something that is not compile output. */
export async function checkOutputFolder(out: string, configDir: string, shown: string = out): Promise<void> {
  if (isInside(configDir, out)) throw new UsageError(`--out ${shown} contains the config repo; choose a folder outside it.`);
  const info = await entryAt(out);
  if (!info) {
    await assertCreatable(out, shown);
    return;
  }
  if (!info.isDirectory()) throw new UsageError(`--out ${shown} exists and is not a folder.`);
  const foreign = (await readdir(out)).filter((entry) => !OUTPUT_ENTRIES.has(entry));
  if (foreign.length > 0) throw new UsageError(`--out ${shown} holds ${foreign.slice(0, 3).join(', ')}, which compile did not write; refusing to replace it.`);
  await assertCreatable(out, shown);
}

/** The `compile` command. */
export const command: CliCommand = {
  name: 'compile',
  summary: 'Compile the config repo to Kubernetes manifests (clusters/<cluster>/<team>/…, argocd/…, registry.json).',
  usage: [
    'Usage: mlops compile [dir] --out <dir> [--env E] [--cluster C] [--format yaml|json]',
    '',
    '  dir            root of the config repo (default: the current directory)',
    '  --out          folder to write the manifests to (replaced atomically)',
    '  --env          only these environments (repeat or comma-separate)',
    '  --cluster      only these clusters (repeat or comma-separate)',
    '  --format       yaml (default) or json',
    '',
    'Nothing is written when any error is found.',
    'Exit codes: 0 compiled, 1 errors found, 2 usage or I/O error.',
  ].join('\n'),
  options: { out: { type: 'string' }, env: { type: 'string', multiple: true }, cluster: { type: 'string', multiple: true }, format: { type: 'string' } },
  async run(input, io) {
    const format = formatOption<OutputFormat>(input, ['yaml', 'json'], 'yaml');
    if (typeof input.values.out !== 'string' || input.values.out === '') throw new UsageError('mlops compile needs --out <dir>.');
    const dir = directoryArgument(input, io, 'compile');
    const out = resolve(io.cwd, input.values.out);
    await checkOutputFolder(out, dir.absolute, input.values.out);
    const environments = listOption(input, 'env');
    const clusters = listOption(input, 'cluster');
    const tree = await readSourceTree(dir.absolute, { shown: dir.given });
    assertFiltersMatch(tree, environments, clusters);
    const preparsed = await parseInParallel(tree);
    // Batches are written as they are compiled and then released, so memory stays flat for large orgs.
    const batches = compileInBatches(tree, { format, preparsed, ...(environments ? { environments } : {}), ...(clusters ? { clusters } : {}) });
    const output = new StagedOutput(out, { threaded: sourceBytes(tree) >= THREADED_WRITE_MIN_SOURCE_BYTES });
    let step = batches.next();
    try {
      // A config that does not validate yields no batch, so not even the temp folder is made.
      for (; !step.done; step = batches.next()) await output.write(step.value.files);
    } catch (error) {
      await output.discard();
      throw error;
    }
    const result = step.value;
    const written = !hasErrors(result.diagnostics);
    if (written) await output.commit();
    else await output.discard();
    const color = wantsColor(io);
    const pathPrefix = dir.display === '' ? '' : `${dir.display}/`;
    if (result.diagnostics.length > 0) io.stdout(formatDiagnostics(result.diagnostics, tree, { color, format: 'human', pathPrefix }));
    if (!written) {
      io.stderr('Nothing written: fix the errors above first.\n');
      return 1;
    }
    const shown = input.values.out;
    io.stdout(`${color ? '\u001b[32m✔\u001b[0m' : '✔'} wrote ${result.files} files (${result.objects} objects) to ${shown}\n`);
    return 0;
  },
};
