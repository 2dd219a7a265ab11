/** ml/prod-monitoring: deployments served in production declare SLO and drift monitoring. */
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { placementsPerEnvironment } from './served-versions.ts';

/** The rule. */
export const prodMonitoring: ConfigRule = {
  id: 'ml/prod-monitoring',
  scope: 'config',
  title: 'Production deployments are monitored',
  description: 'A model in production must declare an SLO (alerts when it is slow or failing) and drift detection (alerts when the live data stops looking like the training data).',
  fix: 'Add `monitoring.<deployment>: { slo: { latencyP99Ms: … }, drift: { method, threshold, features } }` to the team file.',
  defaultMode: 'enforce',
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const team of org.teams) {
      const monitors = new Map(team.monitors.map((monitor) => [monitor.deployment, monitor]));
      for (const placement of placementsPerEnvironment(team)) {
        if (placement.tier !== 'production') continue;
        const monitor = monitors.get(placement.deployment);
        const missing = [monitor?.slo ? undefined : 'an SLO', monitor?.drift ? undefined : 'drift detection'].filter((item) => item !== undefined);
        if (missing.length === 0) continue;
        findings.push({
          message: `Deployment ${placement.deployment} is served in ${placement.environment} without ${missing.join(' or ')}.`,
          team: team.name,
          subject: `deployments/${placement.deployment}`,
          environment: placement.environment,
          source: monitor ? monitor.source : { file: team.file, path: ['deployments', placement.deployment] },
        });
      }
    }
    return findings;
  },
};
