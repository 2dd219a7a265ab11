/** Loader behaviour the fixture suite does not show on its own. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../compiler/load/load-config.ts';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { validate } from '../../compiler/pipeline.ts';
import { syntheticOrg, syntheticTeamName } from '../support/synthetic-org.ts';

describe('loadConfig', () => {
  it('marks an unreadable platform.yaml, and validate then checks no team against the default platform', () => {
    const files = syntheticOrg({ teams: 1, modelsPerTeam: 1 });
    files['platform.yaml'] = files['platform.yaml']!.replace('gitops: {', 'gitops: {{');
    const tree = sourceTreeFromRecord(files);
    expect(loadConfig(tree).platformUnreadable).toBe(true);
    const result = validate(tree);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((diagnostic) => diagnostic.file === 'platform.yaml' && diagnostic.code === 'ML101')).toBe(true);
    expect(result.org).toBeUndefined();
  });

  it('without platform.yaml uses the default platform (and its phase 1)', () => {
    const team = syntheticOrg({ teams: 1, modelsPerTeam: 1, phase: 1 })[`teams/${syntheticTeamName(0)}/mlops.yaml`]!;
    const withoutStaging = team.replace(/ {6}staging:\n(?: {8}.*\n)+/, '');
    const result = validate(sourceTreeFromRecord({ 'mlops.yaml': withoutStaging }));
    expect(result.diagnostics).toEqual([]);
    expect(result.org?.platform.phase).toBe(1);
  });

  it('keeps positions after an unterminated quote on their real line', () => {
    const text = "apiVersion: mlops.cirruslabs.io/v1alpha1\nkind: Team\nmetadata:\n  name: 'fraud\n  owners: [x]\nmodels: {}\n";
    const result = validate(sourceTreeFromRecord({ 'mlops.yaml': text }));
    const lines = text.split('\n');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of result.diagnostics) {
      for (const position of [diagnostic.range.start, diagnostic.range.end]) {
        expect(position.column).toBeLessThanOrEqual(lines[position.line - 1]!.length + 1);
      }
    }
  });
});
