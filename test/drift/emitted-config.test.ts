/**
 * The contract between the compiler and the drift check: every `drift-check.json` the compiler emits
 * for sample-repo and the golden fixtures is accepted by the check's parser with no unknown key — except,
 * while the compiler does not declare where predictions are logged (issue 11, item 7), for the missing
 * `inputs`, which is then the only problem.
 */
import { describe, expect, it } from 'vitest';
import { checkDriftConfig } from '../../drift/config.ts';
import { DriftConfigError } from '../../drift/errors.ts';
import { compileCase, goldenCases } from '../emit/golden/golden-cases.ts';

const configs: { label: string; config: Record<string, unknown> }[] = [];
for (const golden of goldenCases()) {
  for (const manifest of (await compileCase(golden)).manifests) {
    const text = manifest.object.kind === 'ConfigMap' ? (manifest.object as { data?: Record<string, string> }).data?.['drift-check.json'] : undefined;
    if (text) configs.push({ label: `${golden.name}: ${manifest.path}`, config: JSON.parse(text) as Record<string, unknown> });
  }
}

const INPUTS_MISSING = 'inputs is missing: say where predictions are logged (inputs.uri: a path, an http(s):// URL or a directory)';

describe('drift-check.json as the compiler emits it', () => {
  it('exists for the sample org’s drift checks', () => {
    expect(configs.length).toBeGreaterThan(0);
  });

  it.each(configs)('$label is understood by the drift check', ({ config }) => {
    if (config.inputs === undefined) {
      let problems: readonly string[] = [];
      try {
        checkDriftConfig(config);
      } catch (error) {
        if (!(error instanceof DriftConfigError)) throw error;
        problems = error.problems;
      }
      expect(problems).toEqual([INPUTS_MISSING]);
      expect(checkDriftConfig({ ...config, inputs: { uri: '/logs' } }).warnings).toEqual([]);
    } else {
      expect(checkDriftConfig(config).warnings).toEqual([]);
    }
  });
});
