/** ml/model-digest: every model version is pinned by the digest of its artifact. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { modelVersions, versionFinding } from './served-versions.ts';

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
    for (const context of modelVersions(org)) {
      const { model, version } = context;
      if (version.config.digest) continue;
      findings.push(versionFinding(context, `Model ${model.name} version ${version.version} has no digest.`));
    }
    return findings;
  },
};
