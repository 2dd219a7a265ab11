/**
 * Checks of what the platform bootstrap and pipeline pods are built from: the `platform` folder name a
 * team may not take (ML335), the storage initializer image against the allowed registries (ML336),
 * GPU scheduling (ML332 for the node selector, ML337 for tolerations) and step timeouts (ML312, ML338).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { durationMs } from '../../promote/duration.ts';
import type { ValidatedConfig, ValidTeamFile } from '../validated-config.ts';
import { labelKeyProblem, labelMapDiagnostics } from './label-maps.ts';
import { isDuration } from './value-formats.ts';

/** The team name whose output folder would be the bootstrap's. */
export const RESERVED_TEAM_NAME = 'platform';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/** ML332/ML336/ML337 over platform.yaml `podSecurity` and `scheduling`. */
export function platformBootstrapDiagnostics(config: ValidatedConfig): Diagnostic[] {
  const file = config.platform.file;
  if (!file) return [];
  const platform = config.platform.config;
  const diagnostics: Diagnostic[] = [];
  const image = platform.podSecurity?.storageInitializerImage;
  const allowed = platform.images?.allowedRegistries ?? [];
  if (image !== undefined && allowed.length > 0 && !allowed.some((prefix) => image.startsWith(prefix))) {
    diagnostics.push(diagnosticAt(file, ['podSecurity', 'storageInitializerImage'], 'ML336', `Storage initializer image ${JSON.stringify(image)} is not under any allowed registry (${allowed.map((prefix) => `\`${prefix}\``).join(', ')}).`, { hint: `Mirror it, e.g. \`${allowed[0]}kserve/storage-initializer:v0.20.0\`.` }));
  }
  const gpu = platform.scheduling?.gpu;
  diagnostics.push(...labelMapDiagnostics(file, ['scheduling', 'gpu', 'nodeSelector'], gpu?.nodeSelector, 'GPU node selector'));
  (gpu?.tolerations ?? []).forEach((toleration, position) => {
    const keyProblem = labelKeyProblem(toleration.key);
    if (keyProblem) {
      diagnostics.push(diagnosticAt(file, ['scheduling', 'gpu', 'tolerations', position, 'key'], 'ML337', `Toleration key ${JSON.stringify(toleration.key)} is not a Kubernetes qualified name: ${keyProblem}.`, { hint: 'GPU nodes are usually tainted `nvidia.com/gpu`.' }));
    } else if (toleration.value !== undefined && !LABEL_VALUE.test(toleration.value)) {
      diagnostics.push(diagnosticAt(file, ['scheduling', 'gpu', 'tolerations', position, 'value'], 'ML337', `Toleration value ${JSON.stringify(toleration.value)} is not a label value: at most 63 letters, digits, \`-\`, \`_\` or \`.\`, starting and ending with a letter or digit.`, { hint: 'Leave `value` out to tolerate any value of the taint.' }));
    }
  });
  return diagnostics;
}

/** ML335 for a team named `platform`; ML312/ML338 for step timeouts that are not positive durations. */
export function teamBootstrapDiagnostics(team: ValidTeamFile): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  if (config.metadata.name === RESERVED_TEAM_NAME) {
    diagnostics.push(diagnosticAt(file, ['metadata', 'name'], 'ML335', `Team name \`${RESERVED_TEAM_NAME}\` is reserved: \`clusters/<cluster>/${RESERVED_TEAM_NAME}/\` holds each cluster's platform bootstrap.`, { hint: 'Rename the team, e.g. `platform-ml`.' }));
  }
  for (const [name, pipeline] of Object.entries(config.pipelines ?? {})) {
    pipeline.steps.forEach((step, position) => {
      if (step.timeout === undefined) return;
      const path = ['pipelines', name, 'steps', position, 'timeout'];
      if (!isDuration(step.timeout)) diagnostics.push(diagnosticAt(file, path, 'ML312', `Step timeout ${JSON.stringify(step.timeout)} is not a duration.`, { hint: 'Write a number followed by `s`, `m`, `h` or `d`, e.g. `6h`.' }));
      else if (durationMs(step.timeout) === 0) diagnostics.push(diagnosticAt(file, path, 'ML338', `Step \`${step.name}\` has a timeout of ${step.timeout}: its pod would get no time to run.`, { hint: 'Give a positive duration such as `6h`, or leave `timeout` out for the default (24h).' }));
    });
  }
  return diagnostics;
}
