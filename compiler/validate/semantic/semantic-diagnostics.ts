/**
 * Semantic checks: what the schema cannot say. Each family lives in its own file; this runs them
 * all over the schema-valid config, platform first, then each team.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ValidatedConfig } from '../validated-config.ts';
import { apiServerEgressDiagnostics } from './api-server-egress.ts';
import { clusterServerDiagnostics } from './cluster-servers.ts';
import { driftSourceDiagnostics } from './drift-sources.ts';
import { environmentReferenceDiagnostics } from './environment-references.ts';
import { hostileValueDiagnostics } from './hostile-values.ts';
import { kserveRuntimeChoiceDiagnostics } from './kserve-runtime-choice.ts';
import { modelReferenceDiagnostics } from './model-references.ts';
import { nameDiagnostics } from './names.ts';
import { networkDiagnostics } from './network-destinations.ts';
import { ownerAccessDiagnostics } from './owner-access.ts';
import { platformBootstrapDiagnostics, teamBootstrapDiagnostics } from './platform-bootstrap-settings.ts';
import { identityPlaceholderDiagnostics, missingIdentityDiagnostics } from './workload-identity.ts';
import { indexPlatform } from './platform-index.ts';
import { promotionDiagnostics } from './promotion.ts';
import { retrainClusterDiagnostics } from './retrain-clusters.ts';
import { retrainingDiagnostics } from './retraining.ts';
import { servingDiagnostics } from './serving.ts';
import { stepDagDiagnostics } from './step-dag.ts';
import { trafficDiagnostics } from './traffic.ts';
import { valueDiagnostics } from './values.ts';
import { waiverTargetDiagnostics } from './waiver-targets.ts';

/** Runs every semantic check over schema-valid config. */
export function semanticDiagnostics(config: ValidatedConfig): Diagnostic[] {
  const index = indexPlatform(config);
  const diagnostics = [...(config.platform.file ? hostileValueDiagnostics(config.platform.file) : []), ...nameDiagnostics(config, index), ...environmentReferenceDiagnostics(config, index), ...valueDiagnostics(config, index), ...promotionDiagnostics(index), ...networkDiagnostics(config.platform), ...identityPlaceholderDiagnostics(config.platform), ...platformBootstrapDiagnostics(config), ...clusterServerDiagnostics(index), ...ownerAccessDiagnostics(index)];
  for (const team of config.teams) {
    diagnostics.push(
      ...hostileValueDiagnostics(team.file),
      ...modelReferenceDiagnostics(team),
      ...trafficDiagnostics(team),
      ...stepDagDiagnostics(team),
      ...servingDiagnostics(team, index),
      ...kserveRuntimeChoiceDiagnostics(team, index),
      ...retrainingDiagnostics(team),
      ...driftSourceDiagnostics(team, index),
      ...retrainClusterDiagnostics(team, index),
      ...waiverTargetDiagnostics(team, index),
      ...teamBootstrapDiagnostics(team),
    );
  }
  diagnostics.push(...missingIdentityDiagnostics(config.teams, config.platform));
  diagnostics.push(...apiServerEgressDiagnostics(config.teams, config.platform));
  return diagnostics;
}
