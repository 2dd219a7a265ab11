/** ml/data-classification: training data declares its classification. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { mostCriticalEnvironment, servedByVersion } from './served-versions.ts';

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
    for (const team of org.teams) {
      const served = servedByVersion(team);
      for (const model of team.models) {
        for (const version of model.versions) {
          const dataset = version.config.dataset;
          if (!dataset || dataset.classification) continue;
          const environment = mostCriticalEnvironment(served.get(`${model.name}@${version.version}`));
          findings.push({
            message: `The dataset of ${model.name} ${version.version} has no classification.`,
            team: team.name,
            subject: `models/${model.name}`,
            ...(environment ? { environment } : {}),
            source: { file: team.file, path: [...version.source.path, 'dataset'] },
          });
        }
      }
    }
    return findings;
  },
};
