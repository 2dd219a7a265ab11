/** ml/model-digest: every model version is pinned by the digest of its artifact. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { mostCriticalEnvironment, servedByVersion } from './served-versions.ts';

/** The rule. */
export const modelDigest: ConfigRule = {
  id: 'ml/model-digest',
  scope: 'config',
  title: 'Model version pinned by digest',
  description: 'An artifact URI can be overwritten; the `digest` proves the served bytes are the ones that were evaluated and approved. Enforced for versions served in production, a warning elsewhere.',
  fix: 'Add `digest: sha256:<64 hex>` to the version (the training pipeline prints it).',
  defaultMode: { byTier: { production: 'enforce' }, default: 'warn' },
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const team of org.teams) {
      const served = servedByVersion(team);
      for (const model of team.models) {
        for (const version of model.versions) {
          if (version.config.digest) continue;
          const environment = mostCriticalEnvironment(served.get(`${model.name}@${version.version}`));
          findings.push({
            message: `Model ${model.name} version ${version.version} has no digest.`,
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
