/** With the real compiler, an incremental plan finds exactly what a full plan finds (org-wide files aside). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../../../compiler/plan/plan.ts';
import type { Plan } from '../../../compiler/plan/plan-model.ts';
import { headFiles, listCases, PLAN_FIXTURES, readTree, toSourceTree } from '../support/plan-case.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

// registry.json lists every compiled team, so an incremental plan diffs a smaller file: same change, other context.
const teamScoped = (result: Plan) => result.resources.filter((change) => change.team !== '');

describe('incremental plans with the real compiler', () => {
  it('match full plans for a one-team change', async () => {
    const base = await readTree(join(PLAN_FIXTURES, 'base'));
    const canary = (await listCases()).find((planCase) => planCase.name === 'canary-shift')!;
    const head = await headFiles(base, canary);
    const incremental = plan(toSourceTree(base), toSourceTree(head), { now: NOW });
    const full = plan(toSourceTree(base), toSourceTree(head), { now: NOW, incremental: false });
    expect(incremental.scope).toEqual({ incremental: true, compiledTeams: ['fraud'], totalTeams: 3 });
    expect(teamScoped(incremental).length).toBeGreaterThan(0);
    expect(teamScoped(incremental)).toEqual(teamScoped(full));
    expect(incremental.resources.filter((change) => change.team === '').map((change) => change.path)).toEqual(full.resources.filter((change) => change.team === '').map((change) => change.path));
    expect(incremental.ml).toEqual(full.ml);
    expect(incremental.approvals).toEqual(full.approvals);
    expect(incremental.risk).toEqual(full.risk);
    expect(incremental.diagnostics.introduced).toEqual(full.diagnostics.introduced);
  });
});
