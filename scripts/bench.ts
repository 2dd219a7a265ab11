/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (or those named on the command line,
 * e.g. `npm run bench -- compile plan`). Each module exports `run(): Promise<void>` and prints
 * ratios measured in one run (ours vs. a floor or baseline) and medians, never a lone timing.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const directory = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const wanted = new Set(process.argv.slice(2));
const names = (await readdir(directory)).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3)).sort();
const unknown = [...wanted].filter((name) => !names.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${names.join(', ')}`);
  process.exit(2);
}
for (const name of names.filter((candidate) => wanted.size === 0 || wanted.has(candidate))) {
  console.log(`\n== ${name} ==`);
  const module = (await import(pathToFileURL(join(directory, `${name}.ts`)).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`scripts/bench/${name}.ts exports no run()`);
  await module.run();
}
