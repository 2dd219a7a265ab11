/** ml/validator-not-trainer: a version is validated by someone other than who trained it. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { mostCriticalEnvironment, servedByVersion } from './served-versions.ts';

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
    for (const team of org.teams) {
      const served = servedByVersion(team);
      for (const model of team.models) {
        for (const version of model.versions) {
          const trainer = version.config.trainedBy?.by;
          const validator = version.config.validatedBy;
          if (!trainer || !validator || person(trainer) !== person(validator)) continue;
          const environment = mostCriticalEnvironment(served.get(`${model.name}@${version.version}`));
          findings.push({
            message: `Model ${model.name} ${version.version} is validated by its own trainer ${validator}.`,
            team: team.name,
            subject: `models/${model.name}`,
            ...(environment ? { environment } : {}),
            source: { file: team.file, path: [...version.source.path, 'validatedBy'] },
          });
        }
      }
    }
    return findings;
  },
};
