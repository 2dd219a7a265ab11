/**
 * Names become Kubernetes object names, namespaces and output paths, so they must be DNS-1123
 * labels (ML301), version keys must be safe label values (ML319), and names in one list must be
 * unique (ML309, ML322).
 */
import type { Cluster, CustomRule } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { DataPath, ParsedFile, RangeTarget } from '../../load/parsed-file.ts';
import type { ValidatedConfig, ValidTeamFile } from '../validated-config.ts';
import { labelMapDiagnostics } from './label-maps.ts';
import { namespaceOwnershipDiagnostics } from './namespace-ownership.ts';
import type { PlatformIndex } from './platform-index.ts';
import { dnsLabelProblem, isVersionKey, MAX_LABEL_LENGTH, toDnsLabel } from './value-formats.ts';
import { retypedKeyDiagnostic } from './written-keys.ts';

function labelCheck(file: ParsedFile, path: DataPath, name: string, what: string, target: RangeTarget): Diagnostic[] {
  const problem = dnsLabelProblem(name);
  if (!problem) return [];
  return [diagnosticAt(file, path, 'ML301', `${what} ${JSON.stringify(name)} is not a DNS-1123 label: ${problem}.`, { target, hint: `Rename it, e.g. \`${toDnsLabel(name)}\`.` })];
}

/** A name given as a key: first whether YAML read it as written, then whether it is a DNS label. */
function keyNameCheck(file: ParsedFile, path: DataPath, name: string, what: string): Diagnostic[] {
  const retyped = retypedKeyDiagnostic(file, path, what);
  return retyped ? [retyped] : labelCheck(file, path, name, what, 'key');
}

function duplicateCheck<T>(file: ParsedFile, items: readonly T[], nameOf: (item: T) => string, pathOf: (index: number) => DataPath, what: string): Diagnostic[] {
  const seen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  items.forEach((item, index) => {
    const name = nameOf(item);
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, index);
      return;
    }
    diagnostics.push(diagnosticAt(file, pathOf(index), 'ML309', `${what} ${JSON.stringify(name)} is declared twice (also at item ${first + 1}).`, { hint: 'Give each a unique name.' }));
  });
  return diagnostics;
}

function ruleIdChecks(file: ParsedFile, rules: readonly CustomRule[] | undefined): Diagnostic[] {
  return duplicateCheck(file, rules ?? [], (rule) => rule.id, (index) => ['policies', 'rules', index, 'id'], 'Rule');
}

function sameCluster(a: Cluster, b: Cluster): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Name checks of platform.yaml. */
export function platformNameDiagnostics(index: PlatformIndex): Diagnostic[] {
  const file = index.file;
  if (!file) return [];
  const diagnostics: Diagnostic[] = [];
  const platform = file.value as { metadata: { name: string } };
  diagnostics.push(...labelCheck(file, ['metadata', 'name'], platform.metadata.name, 'Organisation name', 'value'));
  const clustersByName = new Map<string, { environment: string; cluster: Cluster }>();
  for (const environment of index.environments.values()) {
    diagnostics.push(...keyNameCheck(file, ['environments', environment.name], environment.name, 'Environment name'));
    const clusters = environment.config.clusters;
    const clusterPath = (position: number): DataPath => ['environments', environment.name, 'clusters', position, 'name'];
    clusters.forEach((cluster, position) => {
      diagnostics.push(...labelCheck(file, clusterPath(position), cluster.name, 'Cluster name', 'value'));
      diagnostics.push(...labelMapDiagnostics(file, ['environments', environment.name, 'clusters', position, 'nodeSelector'], cluster.nodeSelector, 'Node selector'));
    });
    diagnostics.push(...duplicateCheck(file, clusters, (cluster) => cluster.name, clusterPath, 'Cluster'));
    const local = new Set<string>();
    clusters.forEach((cluster, position) => {
      if (local.has(cluster.name)) return;
      local.add(cluster.name);
      const earlier = clustersByName.get(cluster.name);
      if (!earlier) {
        clustersByName.set(cluster.name, { environment: environment.name, cluster });
      } else if (!sameCluster(earlier.cluster, cluster)) {
        diagnostics.push(
          diagnosticAt(file, clusterPath(position), 'ML322', `Cluster ${JSON.stringify(cluster.name)} is also declared in environment \`${earlier.environment}\` with different settings (region \`${earlier.cluster.region}\`).`, {
            hint: 'Give each cluster a unique name, or declare it with the same settings in both environments.',
          }),
        );
      }
    });
  }
  diagnostics.push(...ruleIdChecks(file, (file.value as { policies?: { rules?: CustomRule[] } }).policies?.rules));
  const selectorLabels = (file.value as { monitoring?: { selectorLabels?: Record<string, string> } }).monitoring?.selectorLabels;
  diagnostics.push(...labelMapDiagnostics(file, ['monitoring', 'selectorLabels'], selectorLabels, 'Selector label'));
  return diagnostics;
}

/** Name checks of one team file. */
export function teamNameDiagnostics(team: ValidTeamFile, index: PlatformIndex): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  const teamName = config.metadata.name;
  const teamLabel = labelCheck(file, ['metadata', 'name'], teamName, 'Team name', 'value');
  diagnostics.push(...teamLabel);
  if (teamLabel.length === 0) {
    for (const environment of index.environmentNames) {
      const namespace = `${teamName}-${environment}`;
      if (namespace.length <= MAX_LABEL_LENGTH) continue;
      diagnostics.push(
        diagnosticAt(file, ['metadata', 'name'], 'ML301', `Namespace \`${namespace}\` (team \`${teamName}\` in environment \`${environment}\`) is ${namespace.length} characters long; the limit is ${MAX_LABEL_LENGTH}.`, {
          hint: `Shorten the team name to at most ${MAX_LABEL_LENGTH - environment.length - 1} characters.`,
        }),
      );
    }
  }
  for (const [model, modelConfig] of Object.entries(config.models ?? {})) {
    diagnostics.push(...keyNameCheck(file, ['models', model], model, 'Model name'));
    for (const version of Object.keys(modelConfig.versions)) {
      const retyped = retypedKeyDiagnostic(file, ['models', model, 'versions', version], 'Version');
      if (retyped) diagnostics.push(retyped);
      if (retyped || isVersionKey(version)) continue;
      diagnostics.push(
        diagnosticAt(file, ['models', model, 'versions', version], 'ML319', `Version ${JSON.stringify(version)} of model \`${model}\` is not a valid version: use letters, digits, \`.\`, \`_\` and \`-\`, at most 63 characters, starting and ending with a letter or digit.`, {
          target: 'key',
          hint: 'Use a version like `1.4.0`.',
        }),
      );
    }
  }
  for (const [deployment, deploymentConfig] of Object.entries(config.deployments ?? {})) {
    diagnostics.push(...keyNameCheck(file, ['deployments', deployment], deployment, 'Deployment name'));
    const extras = deploymentConfig.additionalModels ?? [];
    // Each additional model becomes an object named after its model: one model twice would be two objects of one name.
    diagnostics.push(...duplicateCheck(file, extras, (extra) => extra.model, (index) => ['deployments', deployment, 'additionalModels', index, 'model'], 'Additional model'));
    for (const [environment, entry] of Object.entries(deploymentConfig.environments)) {
      const retyped = retypedKeyDiagnostic(file, ['deployments', deployment, 'environments', environment], 'Environment');
      if (retyped) diagnostics.push(retyped);
      const variants = entry.abTest?.variants ?? [];
      const variantPath = (position: number): DataPath => ['deployments', deployment, 'environments', environment, 'abTest', 'variants', position, 'name'];
      variants.forEach((variant, position) => {
      diagnostics.push(...labelCheck(file, variantPath(position), variant.name, 'Variant name', 'value'));
    });
      diagnostics.push(...duplicateCheck(file, variants, (variant) => variant.name, variantPath, 'Variant'));
    }
  }
  for (const [pipeline, pipelineConfig] of Object.entries(config.pipelines ?? {})) {
    diagnostics.push(...keyNameCheck(file, ['pipelines', pipeline], pipeline, 'Pipeline name'));
    const stepPath = (position: number): DataPath => ['pipelines', pipeline, 'steps', position, 'name'];
    pipelineConfig.steps.forEach((step, position) => {
      diagnostics.push(...labelCheck(file, stepPath(position), step.name, 'Step name', 'value'));
    });
    diagnostics.push(...duplicateCheck(file, pipelineConfig.steps, (step) => step.name, stepPath, 'Step'));
  }
  diagnostics.push(...ruleIdChecks(file, config.policies?.rules));
  return diagnostics;
}

/** Name checks across the whole config. */
export function nameDiagnostics(config: ValidatedConfig, index: PlatformIndex): Diagnostic[] {
  return [...platformNameDiagnostics(index), ...config.teams.flatMap((team) => teamNameDiagnostics(team, index)), ...namespaceOwnershipDiagnostics(config, index)];
}
