/** The synthetic org generator: deterministic, sized as asked, and phase-aware. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syntheticOrg, syntheticTeamName } from './synthetic-org.ts';

describe('syntheticOrg', () => {
  it('is deterministic', () => {
    expect(syntheticOrg({ teams: 3, modelsPerTeam: 2 })).toEqual(syntheticOrg({ teams: 3, modelsPerTeam: 2 }));
  });

  it('generates the requested teams, models and versions', () => {
    const files = syntheticOrg({ teams: 12, modelsPerTeam: 3, versionsPerModel: 4 });
    expect(Object.keys(files)).toHaveLength(13);
    expect(new Set(Array.from({ length: 12 }, (_, index) => syntheticTeamName(index))).size).toBe(12);
    const team = parse(files[`teams/${syntheticTeamName(11)}/mlops.yaml`]!);
    expect(team.metadata.name).toBe(syntheticTeamName(11));
    expect(Object.keys(team.models)).toHaveLength(3);
    expect(Object.values(team.models as Record<string, { versions: object }>).every((model) => Object.keys(model.versions).length === 4)).toBe(true);
    expect(Object.keys(team.deployments)).toHaveLength(3);
    expect(Object.keys(team.pipelines)).toHaveLength(3);
  });

  it('uses canaries and multi-region prod from phase 3, one region at phase 2, no prod at phase 1', () => {
    const teamOf = (phase: 1 | 2 | 3) => parse(syntheticOrg({ teams: 1, modelsPerTeam: 2, phase })[`teams/${syntheticTeamName(0)}/mlops.yaml`]!);
    const prod = (phase: 1 | 2 | 3) => Object.values(teamOf(phase).deployments as Record<string, { environments: Record<string, { canary?: unknown; regions?: string[] }> }>).map((deployment) => deployment.environments.prod);
    expect(prod(3).every((entry) => entry?.canary !== undefined && entry.regions === undefined)).toBe(true);
    expect(prod(2).every((entry) => entry?.canary === undefined && entry?.regions?.length === 1)).toBe(true);
    expect(prod(1).every((entry) => entry === undefined)).toBe(true);
    expect(parse(syntheticOrg({ teams: 0, modelsPerTeam: 0, phase: 1 })['platform.yaml']!).environments.prod).toBeUndefined();
  });
});
