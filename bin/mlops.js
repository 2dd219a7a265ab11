#!/usr/bin/env node
// Thin entry: run the TypeScript CLI from source through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../compiler/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
