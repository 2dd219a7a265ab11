/** ML339 (unknown destination), ML340 (object storage without identity), ML341 (unknown placeholder), ML342 (invalid destination). */
import { describe, expect, it } from 'vitest';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { validate } from '../../../compiler/pipeline.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';

const IDENTITY = 'identity:\n  serviceAccountAnnotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/mlops-{team}-{environment}" }';

function diagnostics(extra: string, team = teamYaml('')) {
  const platform = platformYaml({ extra, identity: false });
  return validate(sourceTreeFromRecord({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': team })).diagnostics.map((diagnostic) => ({ code: diagnostic.code, file: diagnostic.file, line: diagnostic.range.start.line, message: diagnostic.message, hint: diagnostic.hint }));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('network destinations', () => {
  it('accepts declared names, canonical CIDRs with excepts inside them, and in-cluster namespaces', () => {
    const network = `network:
  destinations:
    storage: { cidrs: ["10.8.0.0/16", "fd00::/8"], except: ["10.8.255.0/24"], ports: [443] }
    registry: { namespace: mlflow, podLabels: { app: mlflow }, ports: [5000] }
  egress: { serving: [storage], pipelines: [storage, registry] }
${IDENTITY}`;
    expect(diagnostics(network)).toEqual([]);
  });

  it('reports an unknown name at its list entry, with a did-you-mean (ML339)', () => {
    const extra = `network:
  destinations:
    object-storage: { cidrs: ["10.8.0.0/16"], ports: [443] }
  egress:
    driftChecks: [object-storge]
${IDENTITY}`;
    const found = diagnostics(extra);
    expect(found.map(({ code, line }) => [code, line])).toEqual([['ML339', lineOf(platformYaml({ extra, identity: false }), 'driftChecks')]]);
    expect(found[0]!.message).toContain('`network.egress.driftChecks` names destination `object-storge`');
    expect(found[0]!.hint).toBe('Did you mean `object-storage`?');
  });

  it('refuses what an ipBlock or a peer cannot express (ML342)', () => {
    const extra = `network:
  destinations:
    a: { cidrs: ["10.8.1.0/16"], ports: [443] }
    b: { cidrs: ["10.8.0.0/16"], except: ["10.9.0.0/24"], ports: [443] }
    c: { cidrs: ["10.0.0.0/8"], namespace: x, ports: [443] }
    d: { podLabels: { app: x }, ports: [443] }
    e: { cidrs: ["ten/8"], ports: [443] }
${IDENTITY}`;
    const found = diagnostics(extra);
    expect(found.every(({ code }) => code === 'ML342')).toBe(true);
    const messages = found.map(({ message }) => message).join('\n');
    expect(messages).toContain('`10.8.1.0/16` sets bits after its /16 prefix');
    expect(messages).toContain('`except` entry `10.9.0.0/24` lies inside none of `b`');
    expect(messages).toContain('Destination `c` declares both `cidrs` and `namespace`');
    expect(messages).toContain('Destination `d` declares neither `cidrs` nor `namespace`');
    expect(messages).toContain('Destination `d` declares `podLabels` without a `namespace`');
    expect(messages).toContain('`ten/8` is not a CIDR');
  });
});

describe('workload identity', () => {
  it('warns once per org when artifacts are on object storage and no identity is declared, at the artifact (ML340)', () => {
    const team = teamYaml('');
    const found = diagnostics('', team);
    expect(found.map(({ code, file, line }) => [code, file, line])).toEqual([['ML340', 'teams/fraud/mlops.yaml', lineOf(team, 's3://models/scorer/1.0.0')]]);
    expect(found[0]!.message).toContain('`scorer` 1.0.0 is read from `s3://models/scorer/1.0.0`');
    expect(diagnostics('identity: { secret: storage-credentials }', team)).toEqual([]);
  });

  it('says nothing when no artifact is on object storage', () => {
    expect(diagnostics('', teamYaml('').replaceAll('s3://models', 'pvc://models'))).toEqual([]);
  });

  it('refuses a placeholder the compiler does not fill in, suggesting the closest (ML341)', () => {
    const found = diagnostics('identity:\n  serviceAccountAnnotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/mlops-{team}-{enviroment}" }');
    expect(found.map(({ code }) => code)).toEqual(['ML341']);
    expect(found[0]!.message).toContain('`{enviroment}` is not a placeholder');
    expect(found[0]!.hint).toBe('Did you mean `{environment}`?');
  });
});
