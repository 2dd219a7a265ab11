/**
 * Where the running CLI's code and files live. The same modules run two ways: as TypeScript sources
 * through tsx (tests, scripts) and as the compiled JavaScript under `dist/` (`bin/mlops.js`, the
 * installed package). `dist/` mirrors the source tree one folder deeper, so files beside the code
 * (package.json, templates/, sample-repo/) are found from the package root, not by a fixed `../..`.
 */
import { readFileSync } from 'node:fs';

/** True when this module is TypeScript run by tsx; false when it is compiled JavaScript in `dist/`. */
export const RUNS_FROM_SOURCE: boolean = import.meta.url.endsWith('.ts');

/** The package root: `compiler/cli/` is two folders below it in the sources, three in `dist/`. */
export const PACKAGE_ROOT: URL = new URL(RUNS_FROM_SOURCE ? '../../' : '../../../', import.meta.url);

/** A file or folder of the package, by its path from the package root (`templates/plan/`). */
export function packageFile(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}

/** The package version, from package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

/**
 * The module a worker thread starts from. Compiled, it is the worker's own module; from source it is a
 * small `.js` entry beside it that registers tsx first (Node 20 workers ignore the parent's `--import`).
 * @param worker the worker's TypeScript module, e.g. `new URL('./parse-worker.ts', import.meta.url)`
 * @param sourceEntry the tsx-registering entry used when running from source
 */
export function workerEntry(worker: URL, sourceEntry: URL): URL {
  return RUNS_FROM_SOURCE ? sourceEntry : new URL(worker.href.replace(/\.ts$/, '.js'));
}
