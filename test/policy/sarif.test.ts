/** SARIF 2.1.0 output validates against the official schema and keeps fingerprints stable when lines move. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildSarif } from '../../compiler/policy/sarif.ts';
import { checkFixture, deployment, type Edit, secureContainer, securePod, TEAM_FILE } from './support.ts';

function sarifValidator() {
  const path = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile({ ...schema, $id: String(id) });
}

const NO_DIGEST: Edit = ['        digest: sha256:bbbb', '        # sha256:bbbb'];
const WAIVER: Edit = ['features: [amount] }\n', 'features: [amount] }\npolicies:\n  waivers:\n    - { rule: ml/model-digest, target: models/fraud-detector, justification: "registry migration pending", ticket: SEC-9, approvedBy: "@sec-lead", expires: "2026-12-20" }\n'];
const LATEST = deployment(securePod([secureContainer('main', { image: 'ghcr.io/acme/server:latest' })]));

function sarifOf(edits: Edit[], manifests = [LATEST]) {
  const result = checkFixture({ team: edits }, manifests);
  return buildSarif({ diagnostics: result.diagnostics, rules: result.rules, waived: result.findings.filter((finding) => finding.waivedBy), toolVersion: '0.1.0' });
}

describe('buildSarif', () => {
  it('validates against the SARIF 2.1.0 JSON schema', () => {
    const validateSarif = sarifValidator();
    const log = sarifOf([NO_DIGEST, WAIVER]);
    expect(validateSarif(JSON.parse(JSON.stringify(log))), JSON.stringify(validateSarif.errors)).toBe(true);
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
  });

  it('carries rule ids, levels, locations and waivers as suppressions', () => {
    const run = sarifOf([NO_DIGEST, WAIVER]).runs[0]!;
    const latest = run.results.find((result) => result.ruleId === 'k8s/no-latest-tag')!;
    expect(latest.level).toBe('error');
    expect(latest.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: TEAM_FILE, uriBaseId: 'SRCROOT' }, region: { startLine: 37, startColumn: 7, endLine: 37, endColumn: 11 } });
    expect(run.tool.driver.rules[latest.ruleIndex]!.id).toBe('k8s/no-latest-tag');
    const waived = run.results.find((result) => result.ruleId === 'ml/model-digest')!;
    expect(waived.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'registry migration pending (SEC-9, approved by @sec-lead, expires 2026-12-20)' }]);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toContain('ml/promotion-path');
  });

  it('keeps fingerprints when lines move', () => {
    const before = sarifOf([NO_DIGEST, ['traffic: 10', 'traffic: 30']], []).runs[0]!.results;
    const after = sarifOf([NO_DIGEST, ['traffic: 10', 'traffic: 30'], ['kind: Team\n', 'kind: Team\n# a comment moves every line down\n']], []).runs[0]!.results;
    expect(before).toHaveLength(2);
    const key = (results: typeof before) => results.map((result) => [result.ruleId, result.partialFingerprints['cirrusMlopsFinding/v1']]);
    expect(key(after)).toEqual(key(before));
    expect(after.map((result) => result.locations[0]!.physicalLocation.region.startLine)).toEqual(before.map((result) => result.locations[0]!.physicalLocation.region.startLine + 1));
  });
});
