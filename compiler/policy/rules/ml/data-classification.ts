/** ml/data-classification: training data declares its classification. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { modelVersions, versionFinding } from './served-versions.ts';

/** The rule. */
export const dataClassification: ConfigRule = {
  id: 'ml/data-classification',
  scope: 'config',
  title: 'Data classification declared',
  description: 'The dataset of a version states its classification (`public`, `internal`, `confidential`, `pii`) so privacy rules such as ml/pii-risk-tier can apply.',
  fix: 'Add `classification:` to the version\'s `dataset`.',
  defaultMode: { byTier: { production: 'enforce' }, default: 'warn' },
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const context of modelVersions(org)) {
      const { model, version } = context;
      if (!version.config.dataset || version.config.dataset.classification) continue;
      findings.push(versionFinding(context, `The dataset of ${model.name} ${version.version} has no classification.`, [...version.source.path, 'dataset']));
    }
    return findings;
  },
};
