/** ml/model-card: versions served in production have a model card that exists in the repo. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { modelVersions } from './served-versions.ts';

function teamFolder(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '' : file.slice(0, slash + 1);
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The rule. */
export const modelCard: ConfigRule = {
  id: 'ml/model-card',
  scope: 'config',
  title: 'Model card for production versions',
  description: 'A version served in production needs a model card (intended use, evaluation, limitations) committed beside the team config, so reviewers and auditors can read what is being shipped.',
  fix: 'Write the card (e.g. `cards/<model>-<version>.md` in the team folder) and set `modelCard:` on the version.',
  defaultMode: 'enforce',
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const { team, model, version, served } of modelVersions(org)) {
      const production = served.find((entry) => entry.tier === 'production');
      if (!production) continue;
      const card = version.config.modelCard;
      const common = { team: team.name, subject: `models/${model.name}`, environment: production.environment };
      if (!card) {
        findings.push({ ...common, message: `Model ${model.name} version ${version.version} is served in ${production.environment} without a model card.`, source: version.source });
      } else if (!org.otherPaths.has(normalizePath(teamFolder(team.file) + card))) {
        findings.push({ ...common, message: `Model card ${card} of ${model.name} ${version.version} does not exist in ${teamFolder(team.file) || 'the repo root'}.`, source: { file: team.file, path: [...version.source.path, 'modelCard'] } });
      }
    }
    return findings;
  },
};
