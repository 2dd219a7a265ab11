/** ML353: pipelines whose egress cannot reach a Kubernetes API server (Argo's wait container needs it). */
import { describe, expect, it } from 'vitest';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { validate } from '../../../compiler/pipeline.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';

const PIPELINE = `pipelines:
  train:
    environment: dev
    steps:
      - { name: train, image: ghcr.io/acme/train:1.0.0 }
`;

function codes(network: string | undefined, team = teamYaml('') + PIPELINE): { code: string; file: string; line: number }[] {
  const files: Record<string, string> = { 'teams/fraud/mlops.yaml': team };
  if (network !== undefined) files['platform.yaml'] = platformYaml({ extra: network });
  return validate(sourceTreeFromRecord(files))
    .diagnostics.filter((diagnostic) => diagnostic.code === 'ML353')
    .map((diagnostic) => ({ code: diagnostic.code, file: diagnostic.file, line: diagnostic.range.start.line }));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('ML353', () => {
  it('is silent when a CIDR destination on 6443 (or 443) is listed for pipelines', () => {
    expect(codes('network:\n  destinations:\n    api: { cidrs: ["10.0.0.0/24"], ports: [6443] }\n  egress: { pipelines: [api] }')).toEqual([]);
  });

  it('warns at the pipeline when the API destination is declared but not listed for pipelines', () => {
    const team = teamYaml('') + PIPELINE;
    const found = codes('network:\n  destinations:\n    api: { cidrs: ["10.0.0.0/24"], ports: [6443] }\n  egress: { driftChecks: [api] }', team);
    expect(found).toEqual([{ code: 'ML353', file: 'teams/fraud/mlops.yaml', line: lineOf(team, '  train:') }]);
  });

  it('does not count in-cluster destinations or other ports', () => {
    expect(codes('network:\n  destinations:\n    registry: { namespace: kube-system, ports: [443] }\n    storage: { cidrs: ["10.8.0.0/16"], ports: [9000] }\n  egress: { pipelines: [registry, storage] }')).toHaveLength(1);
    expect(codes('')).toHaveLength(1);
  });

  it('is silent for a team without pipelines and for the default platform', () => {
    expect(codes('', teamYaml(''))).toEqual([]);
    expect(codes(undefined)).toEqual([]);
  });
});
