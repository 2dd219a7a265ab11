/**
 * Waivers of success criteria (`rollout.criteriaWaivers`), checked like policy waivers
 * (compiler/policy/waivers.ts): a waiver waives only when its date is real, today is on or before
 * it, it runs at most `policies.maxWaiverDays` from today, and a platform owner approved it. Pure.
 */
import type { Platform } from '../config/types.generated.ts';
import { DEFAULT_MAX_WAIVER_DAYS, parseDay } from '../policy/waivers.ts';
import { DAY_MS } from './calendar.ts';
import { loginKey } from './login.ts';
import type { CriterionId, Phase } from './criteria.ts';
import type { CriterionWaiverState } from './report-model.ts';

/** Every criterion waiver of the platform, with whether it waives on `now`'s day, in declaration order. */
export function checkCriteriaWaivers(platform: Pick<Platform, 'rollout' | 'metadata' | 'policies'>, now: Date): CriterionWaiverState[] {
  const today = Math.floor(now.getTime() / DAY_MS);
  const owners = new Set(platform.metadata.owners.map(loginKey));
  const maxDays = platform.policies?.maxWaiverDays ?? DEFAULT_MAX_WAIVER_DAYS;
  return (platform.rollout?.criteriaWaivers ?? []).map((waiver) => {
    const expires = parseDay(waiver.expires);
    const problem =
      expires === undefined
        ? `its expiry ${JSON.stringify(waiver.expires)} is not a YYYY-MM-DD date`
        : expires < today
          ? `it expired on ${waiver.expires}`
          : expires - today > maxDays
            ? `it runs ${expires - today} days; the platform allows at most ${maxDays}`
            : !owners.has(loginKey(waiver.approvedBy))
              ? `${waiver.approvedBy} is not a platform owner (metadata.owners)`
              : undefined;
    return {
      criterion: waiver.criterion as CriterionId,
      phase: waiver.phase as Phase,
      justification: waiver.justification,
      ticket: waiver.ticket,
      approvedBy: waiver.approvedBy,
      expires: waiver.expires,
      valid: problem === undefined,
      ...(problem !== undefined ? { problem } : {}),
    };
  });
}
