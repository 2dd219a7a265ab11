/**
 * An output path (`compile --out`, `plan --out`) is checked before any work: its nearest existing
 * ancestor must be a folder in which a folder can really be made (a probe folder is made and removed
 * at once), so `--out /proc/x` or a read-only place fails at once with exit 2 instead of after the
 * compile, or never.
 */
import { mkdir, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from './command.ts';
import { existingEntry } from './output/staged-output.ts';

/** The entry at `path` (not followed), or undefined when there is none or a file stands where a folder of its path should be. */
export async function entryAt(path: string): Promise<Awaited<ReturnType<typeof existingEntry>>> {
  return existingEntry(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return undefined;
    throw error;
  });
}

/** Throws a UsageError naming `shown` when nothing can be created at `absolute`. */
export async function assertCreatable(absolute: string, shown: string, flag = '--out'): Promise<void> {
  let ancestor = dirname(absolute);
  for (;;) {
    const info = await entryAt(ancestor).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${flag} ${shown} cannot be created: ${error.code ?? 'error'} on ${ancestor}.`);
    });
    if (info) {
      if (!info.isDirectory()) throw new UsageError(`${flag} ${shown} cannot be created: ${ancestor} is not a folder.`);
      break;
    }
    const parent = dirname(ancestor);
    if (parent === ancestor) throw new UsageError(`${flag} ${shown} cannot be created: no folder of it exists.`);
    ancestor = parent;
  }
  const probe = join(ancestor, `.mlops-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${flag} ${shown} cannot be created: ${ancestor} does not accept new folders (${code}).`);
  }
  await rmdir(probe);
}
