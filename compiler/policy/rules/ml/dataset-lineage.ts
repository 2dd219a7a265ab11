/** ml/dataset-lineage: every version records the pipeline run and the dataset that produced it. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { modelVersions, versionFinding } from './served-versions.ts';

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
    for (const context of modelVersions(org)) {
      const { model, version } = context;
      const missing = [version.config.trainedBy ? undefined : 'trainedBy', version.config.dataset ? undefined : 'dataset'].filter((key) => key !== undefined);
      if (missing.length > 0) findings.push(versionFinding(context, `Model ${model.name} version ${version.version} does not declare ${missing.join(' or ')}.`));
    }
    return findings;
  },
};
