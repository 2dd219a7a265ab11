/** ML349: serving demand at maximum scale against the team quota, per cluster. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceTree } from '../../../compiler/cli/fs-source.ts';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { validate } from '../../../compiler/pipeline.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';

const sampleRepo = resolve(import.meta.dirname, '../../../sample-repo');
const RECSYS = 'teams/recsys/mlops.yaml';

describe('maximum scale against the quota (ML349)', () => {
  it('warns at the autoscaling line of recsys prod when its A/B variants reach 2 × 30 replicas × 4 CPU = 240 CPU against a quota of 128', async () => {
    const tree = await readSourceTree(sampleRepo);
    const asText = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content));
    const text = asText(tree.files.find((file) => file.path === RECSYS)!.content);
    expect(text).toContain('replicas: { min: 4, max: 16 }');
    const files = tree.files.map((file) => (file.path === RECSYS ? { ...file, content: text.replace('replicas: { min: 4, max: 16 }', 'replicas: { min: 4, max: 30 }') } : file));
    const edited = { ...tree, files };
    const found = validate(edited).diagnostics.filter((diagnostic) => diagnostic.code === 'ML349');
    const autoscalingLine = text.split('\n').findIndex((line) => line.includes('autoscaling: { metric: rps, target: 200 }')) + 1;
    expect(found.map((diagnostic) => [diagnostic.severity, diagnostic.file, diagnostic.range.start.line])).toEqual([['warning', RECSYS, autoscalingLine]]);
    expect(found[0]!.message).toContain('240 CPU in `prod` on each of clusters `prod-eu`, `prod-us`');
    expect(found[0]!.message).toContain('its quota is 128');
  });

  it('stays silent at exactly the quota (the sample: 2 × 16 × 4 = 128)', async () => {
    expect(validate(await readSourceTree(sampleRepo)).diagnostics.filter((diagnostic) => diagnostic.code === 'ML349')).toEqual([]);
  });

  it('counts memory and GPUs, a canary as a second set of pods, and points at the environment entry when autoscaling is not written', () => {
    const platform = platformYaml({ backend: 'deployment', extra: 'quotas: { perTeam: { memory: 10Gi, gpu: 3 } }' });
    const team = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      prod:
        version: "1.0.0"
        canary: { version: "1.1.0", traffic: 10 }
        replicas: { min: 1, max: 2 }
        resources: { cpu: "1", memory: 3Gi, gpu: 1 }`);
    const found = validate(sourceTreeFromRecord({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': team })).diagnostics.filter((diagnostic) => diagnostic.code === 'ML349');
    expect(found.map((diagnostic) => diagnostic.message.match(/requests (\S+ \S+)/)?.[1])).toEqual(['12Gi memory', '4 GPUs']);
    const environmentLine = team.split('\n').findIndex((line) => line.includes('      prod:')) + 1;
    expect(found.map((diagnostic) => diagnostic.range.start.line)).toEqual([environmentLine, environmentLine]);
  });
});
