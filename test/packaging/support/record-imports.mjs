// `node --import ./record-imports.mjs`: appends the URL of every module the process loads, one per
// line, to the file named by MLOPS_RECORD_IMPORTS (ESM loader hooks; they run on their own thread).
import { register } from 'node:module';

const file = process.env.MLOPS_RECORD_IMPORTS;
if (!file) throw new Error('record-imports: set MLOPS_RECORD_IMPORTS to the file to append to');
register(new URL('./record-imports-hooks.mjs', import.meta.url), { data: { file } });
