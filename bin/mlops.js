#!/usr/bin/env node
// Thin entry: run the TypeScript CLI from source through tsx's loader.
import { register } from 'tsx/esm/api';

register();
// Before anything large is allocated: keep garbage near the live heap (see compiler/cli/heap-growth.ts).
const { limitHeapGrowth } = await import('../compiler/cli/heap-growth.ts');
limitHeapGrowth();
const { main } = await import('../compiler/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
