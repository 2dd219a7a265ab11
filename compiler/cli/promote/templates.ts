/** Reads the promotion/rollback pull-request template (`templates/promote/`) for the pure renderer. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { packageFile } from '../package-layout.ts';
import type { PromoteTemplates } from '../../promote/pull-request-text.ts';

/** The templates folder shipped with the CLI. */
export const PROMOTE_TEMPLATES_DIR = fileURLToPath(packageFile('templates/promote/'));

/** Reads `pull-request.md.hbs` of a templates folder. */
export async function readPromoteTemplates(dir: string = PROMOTE_TEMPLATES_DIR): Promise<PromoteTemplates> {
  return { pullRequest: await readFile(`${dir}/pull-request.md.hbs`, 'utf8') };
}
