/**
 * The drift-check program: `drift-check --config <file> [--dry-run]`. Reads the config, runs the
 * check (`run-check.ts`) and exits 0 on success, 1 on a failure of the check (bad config, unreadable
 * source, malformed record, refused push), 2 on bad arguments, 70 on a bug. Failures print one line
 * on stderr; a stack trace only with `DEBUG` (or `MLOPS_DEBUG`) set.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseDriftConfig } from './config.ts';
import { DriftCheckError, quote } from './errors.ts';
import { postJson } from './retrain/kubernetes-api.ts';
import { SERVICE_ACCOUNT_DIR } from './retrain/retrain-credentials.ts';
import { runDriftCheck } from './run-check.ts';
import { HttpReader } from './sources/http-reader.ts';
import { LocalFileReader } from './sources/local-file-reader.ts';

const USAGE = 'usage: drift-check --config <drift-check.json> [--dry-run]';

/** Where the program writes and what it reads from its environment. */
export interface ProgramIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Replaces control characters so a message stays on one line and prints nothing raw. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

class UsageError extends Error {}

async function run(argv: readonly string[], io: ProgramIO): Promise<void> {
  let values: { config?: string; 'dry-run'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { config: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return;
  }
  if (!values.config) throw new UsageError(`--config is required; ${USAGE}`);
  const text = await readFile(values.config, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new DriftCheckError(`cannot read config ${quote(values.config)}: ${error.code ?? error.message}`);
  });
  const { config, warnings } = parseDriftConfig(text);
  const log = (line: string) => io.stderr(`drift-check: ${oneLine(line)}\n`);
  for (const warning of warnings) log(`warning: ${warning}`);
  const retrain = { post: postJson, env: io.env, serviceAccountDir: SERVICE_ACCOUNT_DIR };
  const result = await runDriftCheck(config, { readers: [new LocalFileReader(), new HttpReader()], fetch, now: Date.now, log, retrain }, { dryRun: values['dry-run'] });
  if (values['dry-run']) io.stdout(result.exposition);
}

/** Runs the program; resolves to its exit code. */
export async function main(argv: readonly string[], io: ProgramIO): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    const debug = Boolean(io.env.DEBUG) || io.env.MLOPS_DEBUG === '1';
    if (error instanceof UsageError || error instanceof DriftCheckError) {
      io.stderr(`drift-check: ${oneLine(error.message)}\n`);
      if (debug) io.stderr(`${error.stack}\n`);
      return error instanceof UsageError ? 2 : 1;
    }
    io.stderr(`drift-check: internal error: ${oneLine((error as Error)?.message ?? String(error))}${debug ? '' : ' (set DEBUG=1 for the stack trace)'}\n`);
    if (debug) io.stderr(`${(error as Error)?.stack}\n`);
    return 70;
  }
}
