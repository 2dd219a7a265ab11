/** Reads the plan report templates (`templates/plan/`) for the pure renderer. */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PlanTemplates } from '../plan/report/render-report.ts';
import { packageFile } from './package-layout.ts';

/** The templates folder shipped with the CLI. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(packageFile('templates/plan/'));

/** Reads `comment.md.hbs` and every `partials/<name>.hbs` of a templates folder. */
export async function readPlanTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Promise<PlanTemplates> {
  const main = await readFile(`${dir}/comment.md.hbs`, 'utf8');
  const names = (await readdir(`${dir}/partials`)).filter((name) => name.endsWith('.hbs')).sort();
  const partials: Record<string, string> = {};
  for (const name of names) partials[name.slice(0, -'.hbs'.length)] = await readFile(`${dir}/partials/${name}`, 'utf8');
  return { main, partials };
}
