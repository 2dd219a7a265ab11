import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../compiler/diagnostics/all-codes.ts';
import { configReference } from '../../scripts/generate-config-reference.ts';
import { diagnosticsDoc } from '../../scripts/generate-diagnostics-doc.ts';
import { writeTempRepo } from '../cli/temp-repo.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Every property name declared anywhere in a schema. */
function propertyNames(schema: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) propertyNames(item, names);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') for (const name of Object.keys(value)) names.add(name);
      propertyNames(value, names);
    }
  }
  return names;
}

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('docs/config-reference.md', () => {
  const doc = configReference();

  it('documents every property of every schema', () => {
    for (const file of ['platform', 'team', 'common']) {
      const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', `${file}.schema.json`), 'utf8'));
      for (const name of propertyNames(schema)) expect(doc, `${file}: ${name}`).toMatch(new RegExp(`\`[^\`]*\\b${name}\` \\|`));
    }
  });

  it('shows type, required, default and enum values with nested paths', () => {
    expect(doc).toContain('| `rollout.phase` | integer | yes |  | 1 foundation & pilot, 2 limited production, 3 enterprise, 4 optimisation. (1–4) |');
    expect(doc).toContain('| `serving.default` | `kserve` \\| `deployment` |  | `kserve` |');
    expect(doc).toContain('`environments.<name>.clusters[].region`');
    expect(doc).toContain('`deployments.<name>.environments.<name>.abTest.variants[].traffic`');
  });

  it('includes the default platform and the tier rule', () => {
    expect(doc).toContain('## The default platform');
    expect(doc).toContain('deployRepo: local/mlops-deploy');
    expect(doc).toContain('| `prod-eu` | production |');
    expect(doc).toContain('| `stg` | staging |');
    expect(doc).toContain('| `qa` | development |');
  });
});

describe('docs/diagnostics.md', () => {
  it('has a section for every code with severity, description and fix', async () => {
    const doc = await diagnosticsDoc([join(repoRoot, 'no-fixtures-here')]);
    for (const [code, info] of Object.entries(ALL_CODES)) {
      expect(doc).toContain(`### ${code} — ${info.title}\n\nSeverity: **${info.severity}**\n\n${info.description}\n`);
      expect(doc).toContain(`**Fix:** ${info.fix}`);
    }
    expect(doc).toContain('[policies.md](policies.md)');
  });

  it('takes the example from the first fixture case whose expected diagnostics name the code', async () => {
    const fixtures = await writeTempRepo({
      'b-unknown-key/input/platform.yaml': 'apiVersion: mlops.cirruslabs.io/v1alpha1\nkind: Platform\nmetadata: { name: acme, owners: ["@acme/platform"] }\nenvironments:\n  dev: { clusters: [{ name: dev, region: eu-west-1 }] }\nenvironmentz: {}\n',
      'b-unknown-key/expected-diagnostics.json': JSON.stringify([{ code: 'ML201', line: 6, column: 1 }]),
      'a-other/input/platform.yaml': 'kind: Platform\n',
      'a-other/expected-diagnostics.json': JSON.stringify([{ code: 'ML202' }]),
    });
    temps.push(fixtures);
    const doc = await diagnosticsDoc([fixtures]);
    const section = doc.slice(doc.indexOf('### ML201'), doc.indexOf('### ML202'));
    const label = relative(repoRoot, fixtures);
    expect(section).toContain(`Example (\`${label}/b-unknown-key\`):`);
    expect(section).toMatch(/```text\nplatform\.yaml:6:1 error ML201 Unknown key `environmentz`[^\n]*\n 6 \| environmentz: \{\}\n {3}\| \^~~~~~~~~~~~\n/);
    expect(doc.slice(doc.indexOf('### ML202'))).toContain(`Example (\`${label}/a-other\`):`);
  });
});
