/**
 * Whether the platform's promotion path lets a version into an environment: the target declares
 * `promotion: { from, soak }`, and the audit trail shows the version healthy in `from` — on every
 * cluster of it — for at least `soak` (see healthy-intervals.ts for how health is measured). Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { suggestionHint } from '../diagnostics/suggest.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import type { PROMOTE_CODES } from './codes.ts';
import { findDeployment } from './deployment-lookup.ts';
import { durationMs, formatElapsed } from './duration.ts';
import { type ServingPeriod, servingPeriods, type TimeSpan } from './healthy-intervals.ts';

/** A promotion the path allows, with the evidence. */
export interface PromotionAllowed {
  readonly allowed: true;
  /** Plain words, e.g. "1.5.0 has been healthy in staging for 1d 2h (since …); prod requires 24h (soak)." */
  readonly reason: string;
  readonly from: string;
  /** The required soak in milliseconds (0 when none is declared). */
  readonly soakMs: number;
  /** `seq` of the deploy that made the version the stable version of `from` (in the qualifying serving period). */
  readonly servedSinceSeq: number;
  /** ISO time the qualifying healthy stretch began. */
  readonly healthySince: string;
  readonly healthyForMs: number;
}

/** A promotion the path refuses, with the reason. */
export interface PromotionRefused {
  readonly allowed: false;
  readonly code: keyof typeof PROMOTE_CODES;
  /** Plain words, e.g. "1.5.0 has been healthy in staging for 3h 12m; prod requires 24h (soak)." */
  readonly reason: string;
  readonly hint?: string;
}

/** The decision of `promotionAllowed`. */
export type PromotionDecision = PromotionAllowed | PromotionRefused;

/** Options of `promotionAllowed`. */
export interface PromotionOptions {
  /** Deploy `seq` → deploy-repo commit, so `synced`/`degraded` events are matched by commit first. */
  readonly deployCommits?: ReadonlyMap<number, string>;
}

function refuse(code: PromotionRefused['code'], reason: string, hint?: string): PromotionRefused {
  return { allowed: false, code, reason, ...(hint !== undefined ? { hint } : {}) };
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
const length = (span: TimeSpan): number => span.end - span.start;

/** Decides whether `version` of `deployment` may be promoted into `targetEnvironment` at `now`. */
export function promotionAllowed(
  org: ResolvedOrg,
  entries: readonly AuditEntry[],
  deployment: string,
  version: string,
  targetEnvironment: string,
  now: Date,
  options: PromotionOptions = {},
): PromotionDecision {
  const environments = org.platform.environments;
  const target = environments.find((environment) => environment.name === targetEnvironment);
  if (!target) return refuse('ML802', `The platform declares no environment \`${targetEnvironment}\`.`, suggestionHint(targetEnvironment, environments.map((environment) => environment.name)));
  const lookup = findDeployment(org, deployment);
  if (!('found' in lookup)) return refuse('ML801', lookup.reason, lookup.hint);
  const { team, deployment: found } = lookup.found;
  const model = team.models.find((candidate) => candidate.name === found.model);
  if (!model?.versions.some((candidate) => candidate.version === version)) {
    return refuse('ML803', `${version} is not a registered version of model \`${found.model}\`.`, suggestionHint(version, model?.versions.map((candidate) => candidate.version) ?? []));
  }
  if (!target.promotion) return refuse('ML805', `${targetEnvironment} declares no promotion path (environments.${targetEnvironment}.promotion in platform.yaml), so a promotion into it cannot be checked.`);
  const from = target.promotion.from;
  const fromEnvironment = environments.find((environment) => environment.name === from);
  const soakMs = target.promotion.soak === undefined ? 0 : (durationMs(target.promotion.soak) ?? 0);
  const requirement = target.promotion.soak === undefined ? `${targetEnvironment} requires it healthy in ${from} first` : `${targetEnvironment} requires ${target.promotion.soak} (soak)`;
  const clusters = fromEnvironment?.clusters.map((cluster) => cluster.name) ?? [];
  const periods = servingPeriods(entries, { team: team.name, deployment: found.name, environment: from }, version, clusters, now, options.deployCommits);
  if (periods.length === 0) return refuse('ML807', `${version} never served in ${from}; ${requirement}.`, `Promote ${found.name} ${version} to ${from} first.`);
  const qualifying = periods.flatMap((period) => period.healthy.map((span) => ({ period, span }))).filter(({ span }) => length(span) >= soakMs);
  const best = qualifying.at(-1);
  if (best) {
    const still = best.span.end >= now.getTime();
    const reason = still
      ? `${version} has been healthy in ${from} for ${formatElapsed(length(best.span))} (since ${iso(best.span.start)}); ${requirement}.`
      : `${version} was healthy in ${from} for ${formatElapsed(length(best.span))} (${iso(best.span.start)} to ${iso(best.span.end)}); ${requirement}.`;
    return { allowed: true, reason, from, soakMs, servedSinceSeq: best.period.firstSeq, healthySince: iso(best.span.start), healthyForMs: length(best.span) };
  }
  return refusalFor(periods.at(-1)!, periods, { version, from, requirement, soakMs }, now);
}

interface Wording {
  readonly version: string;
  readonly from: string;
  readonly requirement: string;
  readonly soakMs: number;
}

function refusalFor(latest: ServingPeriod, periods: readonly ServingPeriod[], { version, from, requirement, soakMs }: Wording, now: Date): PromotionRefused {
  const degraded = latest.degraded[0];
  if (degraded) {
    return refuse('ML808', `${version} degraded in ${degraded.cluster} at ${degraded.entry.time} (audit seq ${degraded.entry.seq}) and has not been healthy since; ${requirement}.`);
  }
  const open = latest.healthy.find((span) => span.end >= now.getTime() && latest.end === undefined);
  if (open) return refuse('ML806', `${version} has been healthy in ${from} for ${formatElapsed(length(open))}; ${requirement}.`, `Ask again after ${iso(open.start + soakMs)} if it stays healthy.`);
  const longest = periods.flatMap((period) => period.healthy).sort((a, b) => length(b) - length(a))[0];
  if (longest) return refuse('ML806', `${version} was healthy in ${from} for at most ${formatElapsed(length(longest))}; ${requirement}.`);
  const missing = latest.neverSynced.length > 0 ? latest.neverSynced : ['any cluster'];
  return refuse('ML809', `${version} serves in ${from} but Argo CD has not reported it synced and healthy in ${missing.join(', ')}; ${requirement}.`);
}
