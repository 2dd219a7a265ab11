/**
 * Names of environments and regions resolve against platform.yaml: deployment environments,
 * pipeline environments, promotion sources, rule matches and per-environment policy modes (ML307);
 * deployment regions must be regions of the environment's clusters (ML308).
 */
import type { CustomRule } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { formatList, suggestionHint } from '../../diagnostics/suggest.ts';
import type { DataPath, ParsedFile, RangeTarget } from '../../load/parsed-file.ts';
import type { ValidatedConfig, ValidTeamFile } from '../validated-config.ts';
import type { PlatformIndex } from './platform-index.ts';

/** An ML307 diagnostic when `name` is not an environment of the platform. */
export function environmentCheck(file: ParsedFile, index: PlatformIndex, name: string, path: DataPath, target: RangeTarget, context: string): Diagnostic[] {
  if (index.environments.has(name)) return [];
  const hint = suggestionHint(name, index.environmentNames) ?? 'platform.yaml declares no environments.';
  return [diagnosticAt(file, path, 'ML307', `${context} names environment \`${name}\`, which ${index.describedAs} does not declare (it declares ${formatList(index.environmentNames)}).`, { target, hint })];
}

type ModeSetting = string | Record<string, string>;

function policyEnvironmentChecks(file: ParsedFile, index: PlatformIndex, policies: { rules?: CustomRule[]; modes?: Record<string, ModeSetting> } | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  (policies?.rules ?? []).forEach((rule, position) => {
    const base = ['policies', 'rules', position];
    (rule.match?.environments ?? []).forEach((environment, at) => {
      diagnostics.push(...environmentCheck(file, index, environment, [...base, 'match', 'environments', at], 'value', `Rule \`${rule.id}\``));
    });
    diagnostics.push(...modeChecks(file, index, rule.mode, [...base, 'mode'], `The mode of rule \`${rule.id}\``));
  });
  for (const [rule, mode] of Object.entries(policies?.modes ?? {})) {
    diagnostics.push(...modeChecks(file, index, mode, ['policies', 'modes', rule], `The mode of rule \`${rule}\``));
  }
  return diagnostics;
}

function modeChecks(file: ParsedFile, index: PlatformIndex, mode: ModeSetting | undefined, path: DataPath, context: string): Diagnostic[] {
  if (mode === undefined || typeof mode === 'string') return [];
  return Object.keys(mode)
    .filter((environment) => environment !== 'default')
    .flatMap((environment) => environmentCheck(file, index, environment, [...path, environment], 'key', context));
}

/** Environment references of platform.yaml. */
export function platformEnvironmentDiagnostics(index: PlatformIndex): Diagnostic[] {
  const file = index.file;
  if (!file) return [];
  const diagnostics: Diagnostic[] = [];
  for (const environment of index.environments.values()) {
    const from = environment.config.promotion?.from;
    if (from !== undefined) diagnostics.push(...environmentCheck(file, index, from, ['environments', environment.name, 'promotion', 'from'], 'value', `Promotion into \`${environment.name}\``));
  }
  diagnostics.push(...policyEnvironmentChecks(file, index, (file.value as { policies?: { rules?: CustomRule[]; modes?: Record<string, ModeSetting> } }).policies));
  return diagnostics;
}

/** Environment and region references of one team file. */
export function teamEnvironmentDiagnostics(team: ValidTeamFile, index: PlatformIndex): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  for (const [name, deployment] of Object.entries(config.deployments ?? {})) {
    for (const [environmentName, entry] of Object.entries(deployment.environments)) {
      const path = ['deployments', name, 'environments', environmentName];
      const environment = index.environments.get(environmentName);
      if (!environment) {
        diagnostics.push(...environmentCheck(file, index, environmentName, path, 'key', `Deployment \`${name}\``));
        continue;
      }
      (entry.regions ?? []).forEach((region, position) => {
        if (environment.regions.includes(region)) return;
        const hint = suggestionHint(region, environment.regions);
        diagnostics.push(
          diagnosticAt(file, [...path, 'regions', position], 'ML308', `Region \`${region}\` has no cluster in environment \`${environmentName}\` (its regions: ${formatList(environment.regions)}).`, hint ? { hint } : {}),
        );
      });
    }
  }
  for (const [name, pipeline] of Object.entries(config.pipelines ?? {})) {
    if (pipeline.environment !== undefined) diagnostics.push(...environmentCheck(file, index, pipeline.environment, ['pipelines', name, 'environment'], 'value', `Pipeline \`${name}\``));
  }
  diagnostics.push(...policyEnvironmentChecks(file, index, config.policies));
  return diagnostics;
}

/** Environment and region references across the whole config. */
export function environmentReferenceDiagnostics(config: ValidatedConfig, index: PlatformIndex): Diagnostic[] {
  return [...platformEnvironmentDiagnostics(index), ...config.teams.flatMap((team) => teamEnvironmentDiagnostics(team, index))];
}
