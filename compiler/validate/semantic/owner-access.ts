/**
 * ML343: a production-tier environment that gives team owners more than `read`. `operate` lets them
 * create Workflows (any image, run with the namespace's Secrets and service accounts) and `develop`
 * adds `pods/exec`: either reads the namespace's Secrets by proxy. Allowed, but said out loud.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { PlatformIndex } from './platform-index.ts';

/** ML343 over platform.yaml's environments. */
export function ownerAccessDiagnostics(index: PlatformIndex): Diagnostic[] {
  const file = index.file;
  if (!file) return [];
  return index.environmentNames.flatMap((name) => {
    const environment = index.environments.get(name)!;
    const access = environment.config.access;
    if (environment.tier !== 'production' || access === undefined || access === 'read') return [];
    const what = access === 'develop' ? 'create Workflows and exec into pods' : 'create Workflows';
    return [
      diagnosticAt(file, ['environments', name, 'access'], 'ML343', `Production environment \`${name}\` lets team owners ${what} (\`access: ${access}\`): a pod they start or enter reads the namespace's Secrets.`, {
        hint: 'Remove `access` (production defaults to `read`), or keep it knowingly.',
      }),
    ];
  });
}
