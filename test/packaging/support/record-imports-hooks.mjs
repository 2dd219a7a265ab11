// Loader hooks for record-imports.mjs: record each resolved module URL, change nothing.
import { appendFileSync } from 'node:fs';

let file;

/** Receives the output file from `register`. */
export function initialize(data) {
  file = data.file;
}

/** Resolves as usual and records the result. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
