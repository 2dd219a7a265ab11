/** ml/dataset-lineage: every version records the pipeline run and the dataset that produced it. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { mostCriticalEnvironment, servedByVersion } from './served-versions.ts';

/** The rule. */
export const datasetLineage: ConfigRule = {
  id: 'ml/dataset-lineage',
  scope: 'config',
  title: 'Dataset lineage declared',
  description: 'Each version declares `trainedBy` (pipeline and run) and `dataset` (where the training data lives), so an incident can be traced back to the data and code that produced the model.',
  fix: 'Add `trainedBy: { pipeline, run }` and `dataset: { uri, classification }` to the version.',
  defaultMode: { byTier: { production: 'enforce' }, default: 'warn' },
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const team of org.teams) {
      const served = servedByVersion(team);
      for (const model of team.models) {
        for (const version of model.versions) {
          const missing = [version.config.trainedBy ? undefined : 'trainedBy', version.config.dataset ? undefined : 'dataset'].filter((key) => key !== undefined);
          if (missing.length === 0) continue;
          const environment = mostCriticalEnvironment(served.get(`${model.name}@${version.version}`));
          findings.push({
            message: `Model ${model.name} version ${version.version} does not declare ${missing.join(' or ')}.`,
            team: team.name,
            subject: `models/${model.name}`,
            ...(environment ? { environment } : {}),
            source: version.source,
          });
        }
      }
    }
    return findings;
  },
};
