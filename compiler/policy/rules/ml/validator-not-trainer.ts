/** ml/validator-not-trainer: a version is validated by someone other than who trained it. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { modelVersions, versionFinding } from './served-versions.ts';

function person(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** The rule. */
export const validatorNotTrainer: ConfigRule = {
  id: 'ml/validator-not-trainer',
  scope: 'config',
  title: 'Validator is not the trainer',
  description: 'Four-eyes principle for models: the person who signs off a version (`validatedBy`) must not be the one who trained it (`trainedBy.by`).',
  fix: 'Have a second person validate the version and record them in `validatedBy`.',
  defaultMode: 'enforce',
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const context of modelVersions(org)) {
      const { model, version } = context;
      const trainer = version.config.trainedBy?.by;
      const validator = version.config.validatedBy;
      if (!trainer || !validator || person(trainer) !== person(validator)) continue;
      findings.push(versionFinding(context, `Model ${model.name} ${version.version} is validated by its own trainer ${validator}.`, [...version.source.path, 'validatedBy']));
    }
    return findings;
  },
};
