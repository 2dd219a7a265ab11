// Entry of a parse worker thread when the CLI runs from source (tests): Node 20 workers ignore the
// parent's `--import`, so register tsx's loader here before loading the TypeScript worker. The built
// CLI starts dist/…/parse-worker.js directly (see compiler/cli/package-layout.ts, workerEntry).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
