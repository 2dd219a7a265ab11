/**
 * `npm run golden`: rewrites the expected output of every golden emit fixture (see
 * test/emit/golden/golden-cases.ts) and every golden plan (test/plan/support/golden-plans.ts) from
 * the current compiler. Review the diff before committing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileCase, diagnosticsText, goldenCases } from '../test/emit/golden/golden-cases.ts';
import { writeGoldenPlans } from '../test/plan/support/golden-plans.ts';

for (const golden of goldenCases()) {
  const result = await compileCase(golden);
  rmSync(golden.expected, { recursive: true, force: true });
  mkdirSync(golden.expected, { recursive: true });
  for (const file of result.files) {
    const path = join(golden.expected, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  writeFileSync(golden.diagnostics, diagnosticsText(result.diagnostics));
  console.log(`${golden.name}: ${result.files.length} files, ${result.diagnostics.length} diagnostics`);
}
await writeGoldenPlans();
console.log('golden plans rewritten (test/fixtures/plans/)');
