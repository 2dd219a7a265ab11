/** Reads the report templates (`templates/report/`) for the pure renderer. */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../package-layout.ts';
import type { ReportTemplates } from '../../report/render/render-report.ts';

/** The templates folder shipped with the CLI. */
export const REPORT_TEMPLATES_DIR = fileURLToPath(packageFile('templates/report/'));

/** Reads `report.md.hbs`, `dashboard.html.hbs` and every `partials/<name>.hbs`. */
export async function readReportTemplates(dir: string = REPORT_TEMPLATES_DIR): Promise<ReportTemplates> {
  const names = (await readdir(`${dir}/partials`)).filter((name) => name.endsWith('.hbs')).sort();
  const partials: Record<string, string> = {};
  for (const name of names) partials[name.slice(0, -'.hbs'.length)] = await readFile(`${dir}/partials/${name}`, 'utf8');
  return { markdown: await readFile(`${dir}/report.md.hbs`, 'utf8'), html: await readFile(`${dir}/dashboard.html.hbs`, 'utf8'), partials };
}
