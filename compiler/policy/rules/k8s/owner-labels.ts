/** k8s/owner-labels: objects say who owns them. */
import type { ManifestRule } from '../../rule.ts';
import { labelsOf } from './container-fields.ts';

/** The rule. */
export const ownerLabels: ManifestRule = {
  id: 'k8s/owner-labels',
  scope: 'manifest',
  title: 'Owner labels',
  description: 'Every object carries `app.kubernetes.io/managed-by` and, when a team owns it, `mlops.cirruslabs.io/team` naming that team, so on-call engineers and cost reports can find the owner.',
  fix: 'Emit the standard labels (`standardLabels` in compiler/emit/labels.ts).',
  defaultMode: 'enforce',
  check({ manifest }) {
    const labels = labelsOf(manifest.object);
    const missing: string[] = [];
    if (!labels['app.kubernetes.io/managed-by']) missing.push('app.kubernetes.io/managed-by');
    if (manifest.team !== '' && labels['mlops.cirruslabs.io/team'] !== manifest.team) missing.push(`mlops.cirruslabs.io/team=${manifest.team}`);
    return missing.length > 0 ? [{ message: `lacks label ${missing.join(', ')}.` }] : [];
  },
};
