#!/usr/bin/env node
// Thin entry: runs the compiled CLI in dist/ (built by `npm run build`; `npm ci` and `npm pack` build it).
// Plain JavaScript and no TypeScript loader, so a command starts in about the time Node itself does.
import { existsSync } from 'node:fs';
import module from 'node:module';

const entry = new URL('../dist/compiler/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('mlops: the compiled CLI is missing (dist/); run `npm run build` in the package folder.\n');
  process.exit(2);
}
// Node 22.1+ caches compiled code on disk between runs; older Node simply goes without.
module.enableCompileCache?.();
// Before anything large is allocated: keep garbage near the live heap (see compiler/cli/heap-growth.ts).
const { limitHeapGrowth } = await import('../dist/compiler/cli/heap-growth.js');
limitHeapGrowth();
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
