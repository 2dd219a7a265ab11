import { describe as group, expect, it } from 'vitest';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { compile } from '../../compiler/pipeline.ts';
import { orgRulesOf, sameOrgRules } from '../../compiler/policy/org-rules.ts';
import { fixtureFiles, NOW, OTHER_PATHS, resolveFixture, TEAM_FILE, withCode } from './support.ts';

const relaxedPlatform = [['  maxCanaryTraffic: 20', '  maxCanaryTraffic: 50']] as const;
const canaryAt30 = [['traffic: 10', 'traffic: 30']] as const;

group('compile with the org rules of another platform (orgRules)', () => {
  it('judges a head that relaxes platform.yaml by the base rules it cannot weaken', () => {
    const head = sourceTreeFromRecord(fixtureFiles({ platform: relaxedPlatform, team: canaryAt30 }), OTHER_PATHS);
    expect(withCode(compile(head, { now: NOW }), 'ml/high-risk-canary')).toEqual([]);
    const baseRules = orgRulesOf(resolveFixture().platform);
    expect(withCode(compile(head, { now: NOW, orgRules: baseRules }), 'ml/high-risk-canary')).toEqual([`ml/high-risk-canary error ${TEAM_FILE}:39:37`]);
  });

  it('keeps emitting from the config’s own platform', () => {
    const head = sourceTreeFromRecord(fixtureFiles(), OTHER_PATHS);
    const own = compile(head, { now: NOW });
    const judged = compile(head, { now: NOW, orgRules: orgRulesOf(resolveFixture().platform) });
    expect(judged.files.map((file) => file.path)).toEqual(own.files.map((file) => file.path));
    expect(judged.org?.platform.policies).toEqual(own.org?.platform.policies);
  });

  it('tells equal rule sets from different ones', () => {
    const base = orgRulesOf(resolveFixture().platform);
    expect(sameOrgRules(base, orgRulesOf(resolveFixture().platform))).toBe(true);
    expect(sameOrgRules(base, orgRulesOf(resolveFixture({ platform: relaxedPlatform }).platform))).toBe(false);
  });
});
