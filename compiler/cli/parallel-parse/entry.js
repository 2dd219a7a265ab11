// Entry of a parse worker thread: Node 20 workers ignore `--import`, so register tsx's loader here
// (as bin/mlops.js does) before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
