/**
 * Values the schema keeps as plain strings: cron schedules (ML310), time zones (ML324), Kubernetes
 * quantities (ML311) and limits not below requests (ML326), durations (ML312) and calendar dates (ML313).
 */
import type { Quota, Resources } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { DataPath, ParsedFile } from '../../load/parsed-file.ts';
import { DEFAULT_RESOURCES } from '../../resolve/resolve-platform.ts';
import type { ValidatedConfig, ValidTeamFile } from '../validated-config.ts';
import type { PlatformIndex } from './platform-index.ts';
import { cpuQuantityProblem, cronProblem, isCalendarDate, isDuration, memoryQuantityProblem, quantityAmount } from './value-formats.ts';

function cronCheck(file: ParsedFile, expression: string | undefined, path: DataPath): Diagnostic[] {
  if (expression === undefined) return [];
  const problem = cronProblem(expression);
  if (!problem) return [];
  return [diagnosticAt(file, path, 'ML310', `Schedule ${JSON.stringify(expression)} is not a valid cron expression: ${problem}.`, { hint: 'Use `minute hour day-of-month month day-of-week`, e.g. `0 3 * * 1`.' })];
}

const knownTimeZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = knownTimeZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownTimeZones.set(zone, known);
  }
  return known;
}

function timeZoneCheck(file: ParsedFile, zone: string | undefined, path: DataPath): Diagnostic[] {
  if (zone === undefined || isTimeZone(zone)) return [];
  return [diagnosticAt(file, path, 'ML324', `Time zone ${JSON.stringify(zone)} is not an IANA time zone.`, { hint: 'Use a name like `UTC` or `Europe/Berlin`.' })];
}

function quantityCheck(file: ParsedFile, value: string | number | undefined, kind: 'cpu' | 'memory', path: DataPath): Diagnostic[] {
  if (value === undefined) return [];
  const problem = kind === 'cpu' ? cpuQuantityProblem(value) : memoryQuantityProblem(value);
  if (!problem) return [];
  const example = kind === 'cpu' ? '`500m` or `2`' : '`512Mi` or `4Gi`';
  return [diagnosticAt(file, path, 'ML311', `${kind === 'cpu' ? 'CPU' : 'Memory'} ${JSON.stringify(value)} is not a valid quantity: ${problem}.`, { hint: `Write e.g. ${example}.` })];
}

/** ML326 when a valid limit is below its valid request (Kubernetes rejects such a pod). */
function limitCheck(file: ParsedFile, declared: string | number | undefined, limit: string | number | undefined, kind: 'cpu' | 'memory', path: DataPath): Diagnostic[] {
  if (limit === undefined) return [];
  const request = declared ?? DEFAULT_RESOURCES[kind];
  const requested = quantityAmount(request);
  const limited = quantityAmount(limit);
  if (requested === undefined || limited === undefined || limited >= requested) return [];
  const which = declared === undefined ? `the default ${kind} request` : `the ${kind} request`;
  return [diagnosticAt(file, [...path, 'limits', kind], 'ML326', `The ${kind} limit ${JSON.stringify(limit)} is below ${which} ${JSON.stringify(request)}; Kubernetes rejects such a pod.`, { hint: `Raise \`limits.${kind}\` to at least ${JSON.stringify(request)}, or set \`${kind}\` no higher than the limit.` })];
}

/** Quantity checks of a `resources` or quota block. */
function resourceChecks(file: ParsedFile, resources: Resources | Quota | undefined, path: DataPath): Diagnostic[] {
  if (!resources) return [];
  const limits = 'limits' in resources ? resources.limits : undefined;
  const problems = [
    ...quantityCheck(file, resources.cpu, 'cpu', [...path, 'cpu']),
    ...quantityCheck(file, resources.memory, 'memory', [...path, 'memory']),
    ...quantityCheck(file, limits?.cpu, 'cpu', [...path, 'limits', 'cpu']),
    ...quantityCheck(file, limits?.memory, 'memory', [...path, 'limits', 'memory']),
  ];
  if (problems.length > 0) return problems;
  return [...limitCheck(file, resources.cpu, limits?.cpu, 'cpu', path), ...limitCheck(file, resources.memory, limits?.memory, 'memory', path)];
}

function dateCheck(file: ParsedFile, value: string | undefined, path: DataPath, what: string): Diagnostic[] {
  if (value === undefined || isCalendarDate(value)) return [];
  return [diagnosticAt(file, path, 'ML313', `${what} ${JSON.stringify(value)} is not a calendar date in YYYY-MM-DD form.`, { hint: 'Write e.g. `2026-12-31`.' })];
}

/** Value checks of platform.yaml. */
export function platformValueDiagnostics(index: PlatformIndex): Diagnostic[] {
  const file = index.file;
  if (!file) return [];
  const diagnostics: Diagnostic[] = [];
  for (const environment of index.environments.values()) {
    const soak = environment.config.promotion?.soak;
    if (soak !== undefined && !isDuration(soak)) {
      diagnostics.push(diagnosticAt(file, ['environments', environment.name, 'promotion', 'soak'], 'ML312', `Soak time ${JSON.stringify(soak)} is not a duration.`, { hint: 'Write a number followed by `s`, `m`, `h` or `d`, e.g. `24h`.' }));
    }
  }
  const quotas = (file.value as { quotas?: { perTeam?: Quota; teams?: Record<string, Quota> } }).quotas;
  diagnostics.push(...resourceChecks(file, quotas?.perTeam, ['quotas', 'perTeam']));
  for (const [team, quota] of Object.entries(quotas?.teams ?? {})) diagnostics.push(...resourceChecks(file, quota, ['quotas', 'teams', team]));
  return diagnostics;
}

/** Value checks of one team file. */
export function teamValueDiagnostics(team: ValidTeamFile): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  for (const [model, modelConfig] of Object.entries(config.models ?? {})) {
    for (const [version, versionConfig] of Object.entries(modelConfig.versions)) {
      diagnostics.push(...dateCheck(file, versionConfig.createdAt, ['models', model, 'versions', version, 'createdAt'], '`createdAt`'));
    }
  }
  for (const [name, deployment] of Object.entries(config.deployments ?? {})) {
    for (const [environment, entry] of Object.entries(deployment.environments)) {
      diagnostics.push(...resourceChecks(file, entry.resources, ['deployments', name, 'environments', environment, 'resources']));
    }
    (deployment.additionalModels ?? []).forEach((extra, position) => {
      diagnostics.push(...quantityCheck(file, extra.memory, 'memory', ['deployments', name, 'additionalModels', position, 'memory']));
    });
  }
  for (const [name, pipeline] of Object.entries(config.pipelines ?? {})) {
    diagnostics.push(...cronCheck(file, pipeline.schedule, ['pipelines', name, 'schedule']));
    diagnostics.push(...timeZoneCheck(file, pipeline.timezone, ['pipelines', name, 'timezone']));
    pipeline.steps.forEach((step, position) => {
      diagnostics.push(...resourceChecks(file, step.resources, ['pipelines', name, 'steps', position, 'resources']));
    });
  }
  for (const [deployment, monitor] of Object.entries(config.monitoring ?? {})) {
    diagnostics.push(...cronCheck(file, monitor.drift?.schedule, ['monitoring', deployment, 'drift', 'schedule']));
  }
  (config.policies?.waivers ?? []).forEach((waiver, position) => {
    diagnostics.push(...dateCheck(file, waiver.expires, ['policies', 'waivers', position, 'expires'], 'Waiver expiry'));
  });
  return diagnostics;
}

/** Value checks across the whole config. */
export function valueDiagnostics(config: ValidatedConfig, index: PlatformIndex): Diagnostic[] {
  return [...platformValueDiagnostics(index), ...config.teams.flatMap(teamValueDiagnostics)];
}
