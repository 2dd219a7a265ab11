/**
 * Shared helper for generator scripts: write a generated file, or with `--check` fail when the
 * checked-in copy is stale (CI runs the check so generated files never drift from their source).
 */
import { readFile, writeFile } from 'node:fs/promises';

/** Writes `content` to `path`, or in check mode verifies it is current; returns the process exit code. */
export async function emitGeneratedFile(path: string, content: string, argv = process.argv): Promise<number> {
  if (!argv.includes('--check')) {
    await writeFile(path, content);
    console.log(`wrote ${path}`);
    return 0;
  }
  const current = await readFile(path, 'utf8').catch(() => '');
  if (current === content) return 0;
  console.error(`${path} is out of date: run \`npm run generate\` and commit the result.`);
  return 1;
}
