import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RESTRICTED_STORAGE_CONTAINER, storageContainerFor } from '../../../compiler/emit/platform-bootstrap/restricted-storage-container.ts';
import { compileTexts, type EmittedObject, objectNamed, platformYaml, teamYaml } from '../emit-text.ts';

const team = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      dev: { version: "1.0.0" }`);

function bootstrapFiles(extra = ''): Map<string, EmittedObject> {
  const result = compileTexts(platformYaml({ mode: 'Standard', extra }), team);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return new Map(result.files.filter((file) => file.path.startsWith('clusters/') && file.path.includes('/platform/')).map((file) => [file.path, parse(file.content)]));
}

describe('platform bootstrap', () => {
  it('emits, for every cluster, the restricted ClusterStorageContainer and the Argo executor ConfigMap', () => {
    const files = bootstrapFiles();
    expect([...files.keys()]).toEqual([
      'clusters/dev-eu/platform/clusterstoragecontainer-cirrus-mlops-restricted.yaml',
      'clusters/dev-eu/platform/configmap-workflow-controller-configmap.yaml',
      'clusters/prod-eu/platform/clusterstoragecontainer-cirrus-mlops-restricted.yaml',
      'clusters/prod-eu/platform/configmap-workflow-controller-configmap.yaml',
    ]);
    const storage = files.get('clusters/dev-eu/platform/clusterstoragecontainer-cirrus-mlops-restricted.yaml')!;
    expect(storage.spec.container).toMatchObject({ image: 'kserve/storage-initializer:v0.20.0', name: 'storage-initializer', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } });
    expect(storage.metadata).not.toHaveProperty('namespace');
    const configMap = files.get('clusters/dev-eu/platform/configmap-workflow-controller-configmap.yaml')!;
    expect(configMap.metadata.namespace).toBe('argo');
    expect(parse(configMap.data.executor).securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  });

  it('follows podSecurity: image, Argo namespace, and no ConfigMap when the platform runs Argo itself', () => {
    const files = bootstrapFiles('podSecurity: { storageInitializerImage: "ghcr.io/acme/si:0.20.0", argoExecutor: external }');
    expect([...files.keys()].filter((path) => path.startsWith('clusters/dev-eu/'))).toEqual(['clusters/dev-eu/platform/clusterstoragecontainer-cirrus-mlops-restricted.yaml']);
    expect(files.get('clusters/dev-eu/platform/clusterstoragecontainer-cirrus-mlops-restricted.yaml')!.spec.container.image).toBe('ghcr.io/acme/si:0.20.0');
    const moved = bootstrapFiles('podSecurity: { argoNamespace: workflows }');
    expect(moved.get('clusters/dev-eu/platform/configmap-workflow-controller-configmap.yaml')!.metadata.namespace).toBe('workflows');
  });

  it('names the restricted storage container on predictors whose URI it downloads, not on mounted or OCI URIs', () => {
    expect(storageContainerFor('s3://models/a/1')).toBe(RESTRICTED_STORAGE_CONTAINER);
    expect(storageContainerFor('https://example.com/models/a')).toBe(RESTRICTED_STORAGE_CONTAINER);
    expect(storageContainerFor('pvc://models/a')).toBeUndefined();
    expect(storageContainerFor('oci://ghcr.io/acme/model:1')).toBeUndefined();
    const result = compileTexts(platformYaml({ mode: 'Standard' }), team);
    expect(objectNamed(result, 'dev-eu', 'InferenceService', 'scorer-api').spec.predictor.storageContainerName).toBe(RESTRICTED_STORAGE_CONTAINER);
  });

  it('labels namespaces enforce at podSecurity.enforce, warn and audit at restricted', () => {
    const labels = (extra: string) => objectNamed(compileTexts(platformYaml({ extra }), team), 'dev-eu', 'Namespace', 'fraud-dev').metadata.labels;
    expect(labels('')).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.34' });
    expect(labels('podSecurity: { enforce: baseline }')).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted' });
  });
});
