/** ml/metric-requirements: deployed and canary versions meet the deployment's metric requirements. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { meetsComparison, parseMetricComparison } from './metric-comparison.ts';
import { servedVersions } from './served-versions.ts';

/** The rule. */
export const metricRequirements: ConfigRule = {
  id: 'ml/metric-requirements',
  scope: 'config',
  title: 'Metric requirements met',
  description: 'A deployment may declare `requirements.metrics` (e.g. `auc: ">= 0.93"`). Every version it serves — stable, canary or A/B variant of its model — must have recorded those metrics and meet them.',
  fix: 'Serve a version whose recorded `metrics` meet the requirement, or record the missing metric on the version.',
  defaultMode: 'enforce',
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const team of org.teams) {
      const deployments = new Map(team.deployments.map((deployment) => [deployment.name, deployment]));
      const models = new Map(team.models.map((model) => [model.name, model]));
      for (const entry of servedVersions(team)) {
        const deployment = deployments.get(entry.deployment)!;
        if (entry.model !== deployment.model) continue;
        const metrics = models.get(entry.model)?.versions.find((version) => version.version === entry.version)?.config.metrics ?? {};
        for (const [metric, requirement] of Object.entries(deployment.metricRequirements)) {
          const comparison = parseMetricComparison(requirement);
          if (!comparison) continue;
          const value = metrics[metric];
          const common = { team: team.name, subject: `deployments/${entry.deployment}`, environment: entry.environment, source: { file: team.file, path: entry.path } };
          if (value === undefined) findings.push({ ...common, message: `${entry.model} ${entry.version} (${entry.role} in ${entry.environment}) has no ${metric} metric; ${entry.deployment} requires ${metric} ${requirement}.` });
          else if (!meetsComparison(value, comparison)) findings.push({ ...common, message: `${entry.model} ${entry.version} (${entry.role} in ${entry.environment}) has ${metric} ${value}; ${entry.deployment} requires ${metric} ${requirement}.` });
        }
      }
    }
    return findings;
  },
};
