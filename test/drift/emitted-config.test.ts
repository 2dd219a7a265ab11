/**
 * The contract between the compiler and the drift check: every `drift-check.json` the compiler emits
 * for sample-repo and the golden fixtures — `inputs` (where predictions are logged) included — is
 * accepted by the check's parser with no problem and no unknown key.
 */
import { describe, expect, it } from 'vitest';
import { checkDriftConfig } from '../../drift/config.ts';
import { compileCase, goldenCases } from '../emit/golden/golden-cases.ts';

const configs: { label: string; config: Record<string, unknown> }[] = [];
for (const golden of goldenCases()) {
  for (const manifest of (await compileCase(golden)).manifests) {
    const text = manifest.object.kind === 'ConfigMap' ? (manifest.object as { data?: Record<string, string> }).data?.['drift-check.json'] : undefined;
    if (text) configs.push({ label: `${golden.name}: ${manifest.path}`, config: JSON.parse(text) as Record<string, unknown> });
  }
}

describe('drift-check.json as the compiler emits it', () => {
  it('exists for the sample org’s drift checks', () => {
    expect(configs.length).toBeGreaterThan(0);
  });

  it.each(configs)('$label is understood by the drift check, inputs included', ({ config }) => {
    expect(config.inputs).toBeDefined();
    expect(checkDriftConfig(config).warnings).toEqual([]);
  });
});
