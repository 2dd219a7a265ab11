/**
 * The Argo CD objects of sample-repo and every golden fixture work as Argo CD v3.5.1 reads them
 * (issue 11, items 10 and 14):
 *  - every team Application deploys to its own cluster's declared `server`, or to
 *    `https://kubernetes.default.svc` only for the cluster that is Argo CD's own (`inCluster`), and no
 *    two clusters share a destination;
 *  - every object in a team's folder is permitted by the team's AppProject (`support/argocd-project.ts`,
 *    a port of `AppProject.IsGroupKindNamePermitted`), and its namespace is one of the project's
 *    destinations; the whitelists are explicit (an unset namespaced whitelist would permit every kind);
 *  - each cluster has a root Application syncing `argocd/<cluster>` into the Argo CD namespace of Argo
 *    CD's own cluster, whose project permits exactly the AppProjects and Applications found there;
 *  - each cluster's platform bootstrap is applied to that cluster by an Application the root creates,
 *    whose project permits exactly the bootstrap's objects.
 */
import { describe, expect, it } from 'vitest';
import { apiGroup } from '../../compiler/emit/gitops/project-whitelist.ts';
import { platformApplicationObjects } from '../../compiler/emit/gitops/platform-application.ts';
import { rootFiles, rootObjects } from '../../compiler/emit/gitops/root-application.ts';
import { platformBootstrapObjects } from '../../compiler/emit/platform-bootstrap/emit-platform-bootstrap.ts';
import { IN_CLUSTER_SERVER } from '../../compiler/resolve/resolve-platform.ts';
import { type AppProjectResourceSpec, globMatch, isGroupKindNamePermitted } from './support/argocd-project.ts';
import { emittedCases, objectsOfKind, type PlainObject } from './support/emitted-objects.ts';

const cases = await emittedCases();
const applications = objectsOfKind(cases, 'Application');

type ApplicationSpec = { destination: { server: string; namespace: string }; project: string; source: { path: string } };
type ProjectSpec = AppProjectResourceSpec & { destinations: { server: string; namespace: string }[] };

describe('the Argo CD v3.5.1 AppProject check port', () => {
  it('permits any namespaced kind without a whitelist, none with an empty one, and cluster-scoped kinds only when listed (by name)', () => {
    expect(isGroupKindNamePermitted({}, 'apps', 'Deployment', 'x', true)).toBe(true);
    expect(isGroupKindNamePermitted({ namespaceResourceWhitelist: [] }, 'apps', 'Deployment', 'x', true)).toBe(false);
    expect(isGroupKindNamePermitted({ namespaceResourceWhitelist: [{ group: 'apps', kind: '*' }] }, 'apps', 'Deployment', 'x', true)).toBe(true);
    expect(isGroupKindNamePermitted({ namespaceResourceWhitelist: [{ group: '', kind: 'ConfigMap' }] }, '', 'Secret', 'x', true)).toBe(false);
    expect(isGroupKindNamePermitted({}, '', 'Namespace', 'a', false)).toBe(false);
    expect(isGroupKindNamePermitted({ clusterResourceWhitelist: [{ group: '', kind: 'Namespace', name: 'a' }] }, '', 'Namespace', 'b', false)).toBe(false);
    expect(isGroupKindNamePermitted({ clusterResourceWhitelist: [{ group: '', kind: 'Namespace', name: 'a*' }] }, '', 'Namespace', 'ab', false)).toBe(true);
    expect(globMatch('pod?', 'pods')).toBe(true);
  });
});

describe('team Applications', () => {
  it('exist in every case', () => {
    expect(new Set(applications.map(({ emitted }) => emitted.name)).size).toBe(cases.length - cases.filter((emitted) => emitted.manifests.length === 0).length);
  });

  it.each(applications)('$label deploys to its cluster\'s declared server, or in-cluster only where declared so', ({ object, manifest, emitted }) => {
    const cluster = manifest.path.split('/')[1]!;
    const declared = emitted.org.platform.environments.flatMap((environment) => environment.clusters).find((candidate) => candidate.name === cluster)!;
    const server = (object.spec as unknown as ApplicationSpec).destination.server;
    const config = Object.values(emitted.org.platform.config.environments).flatMap((environment) => environment.clusters).find((candidate) => candidate.name === cluster)!;
    if (server === IN_CLUSTER_SERVER) expect(declared.inCluster, `${cluster} is not Argo CD's own cluster`).toBe(true);
    else expect(server).toBe(config.server);
  });

  it('of different clusters never share a destination server', () => {
    for (const emitted of cases) {
      const clustersByServer = new Map<string, Set<string>>();
      for (const { object, manifest } of applications.filter((application) => application.emitted === emitted)) {
        const server = (object.spec as unknown as ApplicationSpec).destination.server;
        clustersByServer.set(server, new Set([...(clustersByServer.get(server) ?? []), manifest.path.split('/')[1]!]));
      }
      for (const [server, clusters] of clustersByServer) expect([...clusters], `${emitted.name}: ${server}`).toHaveLength(1);
    }
  });
});

/** Every object of a team folder, with its team's AppProject. */
const teamObjects = cases.flatMap((emitted) => {
  const projects = new Map(objectsOfKind([emitted], 'AppProject').map(({ object }) => [object.metadata?.name, object]));
  return objectsOfKind([emitted], 'Application').flatMap(({ object: application }) => {
    const spec = application.spec as unknown as ApplicationSpec;
    const project = projects.get(spec.project)!;
    return emitted.manifests
      .filter((manifest) => manifest.path.startsWith(`${spec.source.path}/`))
      .map((manifest) => ({ label: `${emitted.name}: ${manifest.path}`, object: manifest.object as unknown as PlainObject, project: project.spec as unknown as ProjectSpec }));
  });
});

describe('AppProjects', () => {
  it('set both whitelists explicitly', () => {
    for (const { object, label } of objectsOfKind(cases, 'AppProject')) {
      expect(Array.isArray(object.spec?.namespaceResourceWhitelist), label).toBe(true);
      expect(Array.isArray(object.spec?.clusterResourceWhitelist), label).toBe(true);
    }
  });

  it.each(teamObjects)('$label is permitted by its team\'s AppProject', ({ object, project }) => {
    const namespace = object.metadata?.namespace;
    expect(isGroupKindNamePermitted(project, apiGroup(object.apiVersion!), object.kind!, object.metadata!.name!, namespace !== undefined)).toBe(true);
    if (namespace !== undefined) expect(project.destinations.map((destination) => destination.namespace)).toContain(namespace);
  });

  it('whitelist nothing their team folder does not hold', () => {
    for (const { object: project, label, emitted } of objectsOfKind(cases, 'AppProject')) {
      const spec = project.spec as unknown as ProjectSpec;
      const held = teamObjects.filter((entry) => entry.project === spec && entry.label.startsWith(`${emitted.name}: `)).map(({ object }) => `${apiGroup(object.apiVersion!)}/${object.kind}`);
      for (const entry of spec.namespaceResourceWhitelist ?? []) expect(held, label).toContain(`${entry.group}/${entry.kind}`);
    }
  });
});

describe('root Applications', () => {
  it.each(cases.filter((emitted) => emitted.manifests.length > 0))('$name: each cluster\'s root applies its Argo CD objects on Argo CD\'s own cluster', (emitted) => {
    const argocdNamespace = emitted.org.platform.gitops.argocdNamespace;
    const clusters = new Set(emitted.manifests.filter((manifest) => manifest.path.startsWith('argocd/')).map((manifest) => manifest.path.split('/')[1]!));
    for (const cluster of clusters) {
      const { project, application } = rootObjects(emitted.org, cluster);
      const spec = application.spec as unknown as ApplicationSpec;
      expect(spec.destination).toEqual({ namespace: argocdNamespace, server: IN_CLUSTER_SERVER });
      expect(spec.source.path).toBe(`argocd/${cluster}`);
      const objects: PlainObject[] = [project, application, ...emitted.manifests.filter((manifest) => manifest.path.startsWith(`argocd/${cluster}/`)).map((manifest) => manifest.object as unknown as PlainObject)];
      for (const object of objects) {
        expect(object.metadata?.namespace).toBe(argocdNamespace);
        expect(isGroupKindNamePermitted(project.spec as unknown as AppProjectResourceSpec, apiGroup(object.apiVersion!), object.kind!, object.metadata!.name!, true), `${cluster}: ${object.kind}`).toBe(true);
      }
      expect((project.spec as unknown as ProjectSpec).clusterResourceWhitelist).toEqual([]);
    }
  });
});

describe('platform bootstrap Applications', () => {
  it.each(cases.filter((emitted) => emitted.manifests.length > 0))('$name: each cluster applies its platform bootstrap to its own server, permitted object by object', (emitted) => {
    const clusters = new Set(emitted.manifests.filter((manifest) => manifest.path.startsWith('argocd/')).map((manifest) => manifest.path.split('/')[1]!));
    const files = rootFiles(emitted.org).map((file) => file.path);
    for (const cluster of clusters) {
      const declared = emitted.org.platform.environments.flatMap((environment) => environment.clusters).find((candidate) => candidate.name === cluster)!;
      const { project, application } = platformApplicationObjects(emitted.org, cluster);
      const spec = application.spec as unknown as ApplicationSpec;
      // The root (recursing into argocd/<cluster>) creates it: it lives there and the root project permits it.
      expect(files).toContain(`argocd/${cluster}/platform/application-${application.metadata.name}.yaml`);
      const root = rootObjects(emitted.org, cluster).project.spec as unknown as AppProjectResourceSpec;
      for (const object of [project, application]) expect(isGroupKindNamePermitted(root, 'argoproj.io', object.kind, object.metadata.name, true)).toBe(true);
      expect(spec.source.path).toBe(`clusters/${cluster}/platform`);
      expect(spec.destination.server).toBe(declared.server);
      const projectSpec = project.spec as unknown as ProjectSpec;
      const objects = platformBootstrapObjects(emitted.org);
      expect(objects.length).toBeGreaterThan(0);
      for (const object of objects) {
        const namespaced = object.metadata.namespace !== undefined;
        expect(isGroupKindNamePermitted(projectSpec, apiGroup(object.apiVersion), object.kind, object.metadata.name, namespaced), `${cluster}: ${object.kind}`).toBe(true);
        if (namespaced) expect(projectSpec.destinations.some((destination) => destination.server === declared.server && globMatch(destination.namespace, object.metadata.namespace!))).toBe(true);
      }
      // Nothing else cluster-wide: a Namespace, say, is refused.
      expect(isGroupKindNamePermitted(projectSpec, '', 'Namespace', 'kube-system', false)).toBe(false);
    }
  });
});
