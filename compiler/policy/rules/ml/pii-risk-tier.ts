/** ml/pii-risk-tier: a model trained on PII is at least medium risk. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';

/** The rule. */
export const piiRiskTier: ConfigRule = {
  id: 'ml/pii-risk-tier',
  scope: 'config',
  title: 'PII requires medium or high risk tier',
  description: 'A model trained on personal data can leak it or discriminate; it must be classified `riskTier: medium` or `high` so the stricter review and rollout rules apply.',
  fix: 'Set `riskTier: medium` (or `high`) on the model.',
  defaultMode: 'enforce',
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const team of org.teams) {
      for (const model of team.models) {
        if (model.riskTier !== 'low') continue;
        const pii = model.versions.filter((version) => version.config.dataset?.classification === 'pii').map((version) => version.version);
        if (pii.length === 0) continue;
        const declared = model.config.riskTier !== undefined;
        findings.push({
          message: `Model ${model.name} is trained on PII (version ${pii.join(', ')}) but its risk tier is ${declared ? '' : 'the default '}low.`,
          team: team.name,
          subject: `models/${model.name}`,
          source: { file: team.file, path: declared ? [...model.source.path, 'riskTier'] : model.source.path },
        });
      }
    }
    return findings;
  },
};
