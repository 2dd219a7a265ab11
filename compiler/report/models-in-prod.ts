/**
 * The models serving in production at the report's end, replayed from the trail's production
 * changes (added and changed set what a deployment serves, removed drops it), grouped by risk tier. Pure.
 */
import type { Trail } from './report-trail.ts';
import { LANDED_EVENTS } from './deploy-attempts.ts';
import type { Measurement, RiskTierModels } from './report-model.ts';
import type { ReportWindow } from './report-window.ts';

const TIERS = ['high', 'medium', 'low'] as const;

/** Models in production by risk tier (every tier listed, highest first). */
export function modelsInProd({ entries, times }: Pick<Trail, 'entries' | 'times'>, window: ReportWindow): RiskTierModels[] {
  const serving = new Map<string, { model: string; riskTier: 'low' | 'medium' | 'high' }>();
  for (let index = 0; index < entries.length && times[index]! <= window.until; index++) {
    const entry = entries[index]!;
    // A superseded merge's record (`includedIn`) comes after the newer deploy that serves: not replayed.
    if (!LANDED_EVENTS.has(entry.event) || entry.deploy.includedIn !== undefined) continue;
    for (const change of entry.changes) {
      if (change.tier !== 'production') continue;
      const key = `${change.team}\u0000${change.deployment}\u0000${change.environment}`;
      if (change.action === 'removed') serving.delete(key);
      else serving.set(key, { model: `${change.team}/${change.model}`, riskTier: change.riskTier });
    }
  }
  return TIERS.map((riskTier) => ({ riskTier, models: [...new Set([...serving.values()].filter((served) => served.riskTier === riskTier).map((served) => served.model))].sort() }));
}

/** How many distinct models serve in production. */
export function modelsDeployed(byTier: readonly RiskTierModels[], entries: number): Measurement {
  return { value: byTier.reduce((sum, tier) => sum + tier.models.length, 0), unit: '', method: 'distinct models serving in production at the end of the window, replayed from the trail\'s production changes', events: entries };
}
