#!/usr/bin/env node
// Thin entry: runs the compiled CLI in dist/ (built by `npm run build`; `npm ci` and `npm pack` build it).
// Plain JavaScript and no TypeScript loader, so a command starts in about the time Node itself does.
import module from 'node:module';

// Node 22.1+ caches compiled code on disk between runs; older Node simply goes without.
module.enableCompileCache?.();
let cli;
try {
  // Before anything large is allocated: keep garbage near the live heap (see compiler/cli/heap-growth.ts).
  const { limitHeapGrowth } = await import('../dist/compiler/cli/heap-growth.js');
  limitHeapGrowth();
  cli = await import('../dist/compiler/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/')) throw error;
  process.stderr.write('mlops: the compiled CLI is missing (dist/); run `npm run build` in the package folder.\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
