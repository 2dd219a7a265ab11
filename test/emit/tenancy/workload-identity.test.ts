/**
 * Workload identity wired to every pod that reads object storage: the KServe predictor's ServiceAccount
 * (KServe v0.20.0 `CreateSecretVolumeAndEnvFromServiceAccount` in `pkg/credentials/service_account_credentials.go`
 * reads the IRSA annotation and the `secrets` of the predictor's `serviceAccountName` for the
 * storage-initializer), the pipeline pods' ServiceAccount and the drift check's.
 */
import { describe, expect, it } from 'vitest';
import { compileTexts, objectNamed, platformYaml, teamYaml } from '../emit-text.ts';

const team = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      prod: { version: "1.0.0" }
pipelines:
  train:
    environment: prod
    produces: scorer
    steps:
      - { name: fit, image: ghcr.io/acme/fit:1.0.0, secretRef: warehouse }
monitoring:
  scorer-api:
    drift: { method: psi, threshold: 0.2, features: [amount], inputs: { uri: "http://sink.logs.svc/x" } }`);

const ROLE = 'identity:\n  serviceAccountAnnotations: { eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/mlops-{team}-{environment}-{cluster}" }';
const SECRET = 'identity:\n  secret: storage-{team}';

describe('service-account annotations', () => {
  const result = compileTexts(platformYaml({ extra: ROLE }), team);

  it('compiles without the missing-identity warning', () => {
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('ML340');
  });

  it('annotate the workload ServiceAccount the predictor runs as, placeholders filled in', () => {
    const account = objectNamed(result, 'prod-eu', 'ServiceAccount', 'mlops-workload');
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toBe('arn:aws:iam::123456789012:role/mlops-fraud-prod-prod-eu');
    expect(objectNamed(result, 'prod-eu', 'InferenceService', 'scorer-api').spec.predictor.serviceAccountName).toBe('mlops-workload');
    expect(account.secrets).toBeUndefined();
  });

  it('reach pipeline pods through the WorkflowTemplate’s serviceAccountName, and the drift check through its own ServiceAccount', () => {
    const template = objectNamed(result, 'prod-eu', 'WorkflowTemplate', result.manifests.find((manifest) => manifest.object.kind === 'WorkflowTemplate')!.object.metadata.name);
    expect(template.spec.serviceAccountName).toBe('mlops-workload');
    expect(template.spec.executor).toEqual({ serviceAccountName: 'pipeline-executor' });
    expect(objectNamed(result, 'prod-eu', 'ServiceAccount', 'scorer-api-drift-check').metadata.annotations['eks.amazonaws.com/role-arn']).toBe('arn:aws:iam::123456789012:role/mlops-fraud-prod-prod-eu');
  });
});

describe('a credentials Secret', () => {
  const result = compileTexts(platformYaml({ extra: SECRET }), team);

  it('is listed in the ServiceAccounts’ secrets, where KServe’s storage-initializer looks', () => {
    expect(objectNamed(result, 'prod-eu', 'ServiceAccount', 'mlops-workload').secrets).toEqual([{ name: 'storage-fraud' }]);
    expect(objectNamed(result, 'prod-eu', 'ServiceAccount', 'scorer-api-drift-check').secrets).toEqual([{ name: 'storage-fraud' }]);
  });

  it('reaches every pipeline step and the drift check as environment variables, after the step’s own Secret', () => {
    const template = objectNamed(result, 'prod-eu', 'WorkflowTemplate', result.manifests.find((manifest) => manifest.object.kind === 'WorkflowTemplate')!.object.metadata.name);
    const fit = template.spec.templates.find((candidate: { name: string }) => candidate.name === 'fit');
    expect(fit.container.envFrom).toEqual([{ secretRef: { name: 'warehouse' } }, { secretRef: { name: 'storage-fraud' } }]);
    const container = objectNamed(result, 'prod-eu', 'CronJob', 'scorer-api-drift-check').spec.jobTemplate.spec.template.spec.containers[0];
    expect(container.envFrom).toEqual([{ secretRef: { name: 'storage-fraud' } }]);
  });
});

describe('no identity', () => {
  it('leaves the ServiceAccounts bare and warns once, at the first artifact on object storage (ML340)', () => {
    const result = compileTexts(platformYaml({ identity: false }), team);
    expect(objectNamed(result, 'prod-eu', 'ServiceAccount', 'mlops-workload').metadata.annotations['eks.amazonaws.com/role-arn']).toBeUndefined();
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.code === 'ML340');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toContain('`s3://models/scorer/1.0.0` (and 1 more artifact on object storage)');
  });
});
