import { describe, expect, it } from 'vitest';
import { emitTeamCluster, teamClusterUnits } from '../../../compiler/emit/emit-org.ts';
import { emitGitOps } from '../../../compiler/emit/gitops/emit-gitops.ts';
import { apiGroup } from '../../../compiler/emit/gitops/project-whitelist.ts';
import { rootFiles, rootObjects } from '../../../compiler/emit/gitops/root-application.ts';
import { contextFor, EXAMPLE_PLATFORM, EXAMPLE_TEAM, emitWith, objectOf, resolveExample } from '../pipelines/example-org.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';

describe('emitGitOps', () => {
  const org = resolveExample();
  const objects = emitWith(emitGitOps, contextFor(org, 'fraud', 'prod-eu'));

  it('emits an AppProject and an Application in the Argo CD namespace that validate against the Argo CD CRDs', () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`)).toEqual(['AppProject/argocd/fraud-prod-eu', 'Application/argocd/fraud-prod-eu']);
    expect(validateKubernetesObjects(objects)).toEqual([]);
    expect(objects[0]!.metadata.labels).toMatchObject({ 'app.kubernetes.io/component': 'gitops', 'mlops.cirruslabs.io/team': 'fraud', 'mlops.cirruslabs.io/environment': 'prod' });
    expect(objects[0]!.metadata.annotations).toEqual({ 'mlops.cirruslabs.io/source': 'teams/fraud/mlops.yaml:3' });
  });

  it('limits the project to the deploy repo, the team namespaces on the cluster and exactly the kinds emitted there', () => {
    const [unit] = teamClusterUnits(org, { clusters: ['prod-eu'] }).filter((candidate) => candidate.team === 'fraud');
    const placed = emitTeamCluster(unit!, []);
    const project = placed.flatMap((chart) => chart.objects).find((object) => object.kind === 'AppProject')!;
    const emitted = placed.filter((chart) => chart.folder.startsWith('clusters/')).flatMap((chart) => chart.objects);
    const namespaced = [...new Set(emitted.filter((object) => object.kind !== 'Namespace').map((object) => `${apiGroup(object.apiVersion)}/${object.kind}`))].sort();
    expect(project.spec).toMatchObject({
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace', name: 'fraud-prod' }],
      description: 'Team fraud on cluster prod-eu (managed by Cirrus MLOps)',
      destinations: [{ namespace: 'fraud-prod', server: 'https://prod-eu.k8s.acme.io' }],
      sourceRepos: ['https://github.com/acme/mlops-deploy.git'],
    });
    const whitelist = (project.spec as { namespaceResourceWhitelist: { group: string; kind: string }[] }).namespaceResourceWhitelist;
    expect(whitelist.map((entry) => `${entry.group}/${entry.kind}`).sort()).toEqual(namespaced);
    expect(namespaced).toEqual(expect.arrayContaining(['/ConfigMap', 'rbac.authorization.k8s.io/Role', 'serving.kserve.io/InferenceService']));
    expect(validateKubernetesObjects([project])).toEqual([]);
  });

  it('syncs the team folder of the deploy repo automatically, without creating namespaces or `automated.enabled`', () => {
    const application = objectOf(objects, 'Application', 'fraud-prod-eu');
    expect((application.metadata as { finalizers?: string[] }).finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    const spec = application.spec as Record<string, Record<string, unknown>>;
    expect(spec.project).toBe('fraud-prod-eu');
    expect(spec.source).toEqual({ directory: { recurse: true }, path: 'clusters/prod-eu/fraud', repoURL: 'https://github.com/acme/mlops-deploy.git', targetRevision: 'main' });
    expect(spec.destination).toEqual({ namespace: 'fraud-prod', server: 'https://prod-eu.k8s.acme.io' });
    expect(spec.syncPolicy!.automated).toEqual({ prune: true, selfHeal: true });
    expect(spec.syncPolicy!.syncOptions).toContain('CreateNamespace=false');
  });

  it('follows platform gitops settings and covers every environment sharing a cluster identically', () => {
    const platform = EXAMPLE_PLATFORM.replace('dev:     { clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }] }', 'dev:     { clusters: [{ name: shared-eu, region: eu-west-1, server: "https://shared-eu.k8s.example:6443" }] }')
      .replace('staging: { clusters: [{ name: stg-eu, region: eu-west-1, server: "https://stg-eu.k8s.example:6443" }] }', 'staging: { clusters: [{ name: shared-eu, region: eu-west-1, server: "https://shared-eu.k8s.example:6443" }] }')
      .replace('gitops: { deployRepo: acme/mlops-deploy, branch: main, argocdNamespace: argocd }', 'gitops: { deployRepo: acme/deploy, repoURL: "https://git.acme.io/deploy.git", branch: release, argocdNamespace: gitops }');
    const shared = resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM });
    const dev = shared.platform.environments[0]!;
    const staging = shared.platform.environments[1]!;
    const team = shared.teams[0]!;
    const fromDev = emitWith(emitGitOps, { org: shared, team, environment: dev, cluster: dev.clusters[0]!, namespace: 'fraud-dev' });
    const fromStaging = emitWith(emitGitOps, { org: shared, team, environment: staging, cluster: staging.clusters[0]!, namespace: 'fraud-staging' });
    expect(validateKubernetesObjects(fromDev)).toEqual([]);
    const project = objectOf(fromDev, 'AppProject', 'fraud-shared-eu');
    expect(project.metadata.namespace).toBe('gitops');
    expect(project.metadata.labels).not.toHaveProperty('mlops.cirruslabs.io/environment');
    expect((project.spec as { destinations: unknown }).destinations).toEqual([
      { namespace: 'fraud-dev', server: 'https://shared-eu.k8s.example:6443' },
      { namespace: 'fraud-staging', server: 'https://shared-eu.k8s.example:6443' },
    ]);
    expect((objectOf(fromDev, 'Application', 'fraud-shared-eu').spec as { source: unknown }).source).toMatchObject({ repoURL: 'https://git.acme.io/deploy.git', targetRevision: 'release', path: 'clusters/shared-eu/fraud' });
    expect(fromStaging).toEqual(fromDev);
  });
});

describe('rootFiles', () => {
  const org = resolveExample();

  it('writes one root AppProject and Application per cluster beside the team folders, and the platform bootstrap\'s below it, narrowed like the teams', () => {
    expect(rootFiles(org, { clusters: ['prod-eu'] }).map((file) => file.path)).toEqual([
      'argocd/prod-eu/appproject-mlops-root-prod-eu.yaml',
      'argocd/prod-eu/application-mlops-root-prod-eu.yaml',
      'argocd/prod-eu/platform/appproject-mlops-platform-prod-eu.yaml',
      'argocd/prod-eu/platform/application-mlops-platform-prod-eu.yaml',
    ]);
    expect(rootFiles(org, { environments: ['prod'], format: 'json' }).map((file) => file.path)).toEqual([
      'argocd/prod-eu/appproject-mlops-root-prod-eu.json',
      'argocd/prod-eu/application-mlops-root-prod-eu.json',
      'argocd/prod-eu/platform/appproject-mlops-platform-prod-eu.json',
      'argocd/prod-eu/platform/application-mlops-platform-prod-eu.json',
      'argocd/prod-us/appproject-mlops-root-prod-us.json',
      'argocd/prod-us/application-mlops-root-prod-us.json',
      'argocd/prod-us/platform/appproject-mlops-platform-prod-us.json',
      'argocd/prod-us/platform/application-mlops-platform-prod-us.json',
    ]);
  });

  it('syncs argocd/<cluster> but the hand-merged notifications ConfigMap into Argo CD\'s own namespace, without a cascading finalizer', () => {
    const { project, application } = rootObjects(org, 'prod-eu');
    expect(validateKubernetesObjects([project, application])).toEqual([]);
    expect(application.spec).toMatchObject({
      destination: { namespace: 'argocd', server: 'https://kubernetes.default.svc' },
      project: 'mlops-root-prod-eu',
      source: { directory: { exclude: 'argocd-notifications/*', recurse: true }, path: 'argocd/prod-eu' },
    });
    expect(application.metadata).not.toHaveProperty('finalizers');
    expect(project.spec).toMatchObject({ clusterResourceWhitelist: [], namespaceResourceWhitelist: [{ group: 'argoproj.io', kind: 'AppProject' }, { group: 'argoproj.io', kind: 'Application' }] });
  });
});
