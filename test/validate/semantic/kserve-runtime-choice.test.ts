/** ML352: a `custom` model without `runtime` that KServe would serve. */
import { describe, expect, it } from 'vitest';
import { validate } from '../../../compiler/pipeline.ts';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';

function team(runtime: string, backend: string, variants = ''): string {
  return teamYaml(`  rules:
    framework: custom${runtime}
    versions:
      "1.0.0": { artifact: s3://models/rules/1.0.0 }
deployments:
  rules-api:
    model: rules${backend}
    environments:
      dev: { version: "1.0.0"${variants} }`);
}

function found(teamFile: string) {
  return validate(sourceTreeFromRecord({ 'platform.yaml': platformYaml(), 'teams/fraud/mlops.yaml': teamFile })).diagnostics.map((diagnostic) => ({ code: diagnostic.code, line: diagnostic.range.start.line, column: diagnostic.range.start.column, message: diagnostic.message }));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('KServe runtime for custom models (ML352)', () => {
  it('is an error at the deployment’s model when KServe would serve a custom model without runtime', () => {
    const teamFile = team('', '');
    const diagnostics = found(teamFile);
    expect(diagnostics.map(({ code, line, column }) => [code, line, column])).toEqual([['ML352', lineOf(teamFile, 'model: rules'), 12]]);
    expect(diagnostics[0]!.message).toContain('model `rules` has framework `custom` and no `runtime`');
  });

  it('accepts a named runtime or the deployment backend', () => {
    expect(found(team('\n    runtime: acme-rules-server', ''))).toEqual([]);
    expect(found(team('', '\n    backend: deployment\n    image: ghcr.io/acme/rules:1.0.0'))).toEqual([]);
  });

  it('points at an A/B variant serving a custom model', () => {
    const teamFile = team('', '', ', abTest: { variants: [{ name: a, version: "1.0.0", traffic: 50 }, { name: b, model: rules, version: "1.0.0", traffic: 50 }] }').replace('model: rules\n', 'model: scorer\n');
    const diagnostics = found(teamFile);
    expect(diagnostics.map(({ code, line }) => [code, line])).toEqual([['ML352', lineOf(teamFile, 'abTest')]]);
    expect(diagnostics[0]!.message).toContain('model `rules`');
  });
});
