// Entry of the writer thread: Node 20 workers ignore `--import`, so register tsx's loader here
// (as bin/mlops.js does) before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./write-worker.ts');
