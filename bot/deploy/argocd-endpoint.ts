/**
 * The bot's `/argocd` endpoint, as a plain `(request) => response` function the app mounts: Argo CD
 * Notifications (wired by the compiler, see compiler/emit/gitops/argocd-notifications.ts) POSTs
 * `{event, app, revision, cluster, repoURL, …}` with a shared-secret bearer token. The endpoint checks
 * the token in constant time, picks the deploy repo the Application syncs from (`repoURL`; the app
 * refuses repos it does not serve), maps the deploy commit back to the source change through its trailers, sets
 * the GitHub Deployment of the cluster's environment (success, or failure) and appends a `synced` or
 * `degraded` audit entry to the deploy repo — in a commit touching only audit/, which no Argo CD
 * Application watches, so recording causes no sync. A repeated notification is recorded once.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuditEntry, UnchainedAuditEntry } from '../../compiler/audit/audit-entry.ts';
import { isTrailFile, parseTrail, trailEntries } from '../../compiler/audit/parse-trail.ts';
import { appendAuditEntry } from '../../compiler/cli/deploy/append-audit-entry.ts';
import type { GitDeployTarget } from '../../compiler/cli/deploy/git-deploy-target.ts';
import { deployCommitLink } from '../../compiler/deploy/commit-trailers.ts';
import { renderedTreeHash } from '../../compiler/deploy/deploy-state.ts';
import { environmentClustersOf } from '../../compiler/deploy/platform-settings.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import type { RouteRefusal } from './argocd-deploy-repos.ts';
import type { DeployForge, RepositoryRef } from './deploy-forge.ts';

/** An HTTP request as the mounting server hands it over. */
export interface EndpointRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: string;
}

/** The response to send. */
export interface EndpointResponse {
  readonly status: number;
  readonly body: string;
}

/** Injected by the app. */
export interface ArgoCdEndpointDependencies {
  /** The shared secret Argo CD sends as `Authorization: Bearer …` (argocd-notifications-secret `mlops-argocd-token`). */
  readonly token: string;
  /** The deploy repo a notification's `repoURL` names (undefined: the notification names none), or why it is not served. */
  readonly deployTarget: (repoURL: string | undefined) => Promise<GitDeployTarget | RouteRefusal>;
  /** A forge authenticated for a config repo (its installation). */
  readonly forgeFor: (repository: RepositoryRef) => Promise<DeployForge>;
  /** The config tree at a commit (to map clusters to environments). */
  readonly sourceTreeAt: (repository: RepositoryRef, sha: string) => Promise<SourceTree>;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** A notification body as the compiler's templates render it. */
export interface ArgoCdNotification {
  readonly event: 'sync-succeeded' | 'sync-failed' | 'health-degraded';
  readonly app: string;
  readonly revision: string;
  readonly cluster: string;
  /** The Application's `spec.source.repoURL`: which deploy repo it syncs from. */
  readonly repoURL?: string;
  readonly phase?: string;
  readonly health?: string;
}

/** Largest body accepted. */
const MAX_BODY = 16 * 1024;
const NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;

function json(status: number, value: unknown): EndpointResponse {
  return { status, body: `${JSON.stringify(value)}\n` };
}

/** Compares a presented bearer token with the secret in constant time (both hashed first, so lengths never leak). */
export function tokenMatches(header: string | readonly string[] | undefined, secret: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || secret === '') return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  const presented = createHash('sha256').update(match?.[1] ?? '').digest();
  const expected = createHash('sha256').update(secret).digest();
  return timingSafeEqual(presented, expected) && match !== null;
}

/** Parses and checks a notification body; undefined when it is not one. */
export function parseNotification(body: string): ArgoCdNotification | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const record = value as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null) return undefined;
  const { event, app, revision, cluster, repoURL, phase, health } = record;
  if (event !== 'sync-succeeded' && event !== 'sync-failed' && event !== 'health-degraded') return undefined;
  if (typeof app !== 'string' || !NAME.test(app) || typeof cluster !== 'string' || !NAME.test(cluster) || typeof revision !== 'string' || !/^[0-9a-f]{40}$/.test(revision)) return undefined;
  // An Application without `spec.source` renders the field empty: as if absent.
  if (repoURL !== undefined && repoURL !== '' && (typeof repoURL !== 'string' || !/^[\x21-\x7e]{1,400}$/.test(repoURL))) return undefined;
  const word = (text: unknown) => (typeof text === 'string' && /^[A-Za-z <>]{1,40}$/.test(text) ? text : undefined);
  const phaseWord = word(phase);
  const healthWord = word(health);
  return { event, app, revision, cluster, ...(typeof repoURL === 'string' && repoURL !== '' ? { repoURL } : {}), ...(phaseWord ? { phase: phaseWord } : {}), ...(healthWord ? { health: healthWord } : {}) };
}

function splitRepository(fullName: string): RepositoryRef | undefined {
  const [owner, repo, ...rest] = fullName.split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

/** Entries of the last two monthly trail files (where a recent deploy's entries are). */
async function recentEntries(target: GitDeployTarget, tip: string): Promise<AuditEntry[]> {
  const files = (await target.readTrail(tip)).filter((file) => isTrailFile(file.path)).sort((a, b) => (a.path < b.path ? -1 : 1)).slice(-2);
  return trailEntries(parseTrail(files));
}

/** Creates the endpoint handler. */
export function createArgoCdEndpoint(dependencies: ArgoCdEndpointDependencies): (request: EndpointRequest) => Promise<EndpointResponse> {
  const clock = dependencies.clock ?? (() => new Date());
  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: 'POST only' });
    if (!tokenMatches(request.headers.authorization, dependencies.token)) return json(401, { error: 'unauthorized' });
    if (request.body.length > MAX_BODY) return json(413, { error: 'body too large' });
    const notification = parseNotification(request.body);
    if (!notification) return json(400, { error: 'not an Argo CD notification from Cirrus MLOps' });
    const target = await dependencies.deployTarget(notification.repoURL);
    if ('error' in target) return json(target.status, { error: target.error });
    const fetched = await target.fetch();
    const deployCommit = await target.deployCommitAt(notification.revision);
    const link = deployCommit ? deployCommitLink(deployCommit.message) : undefined;
    const sourceRepository = link ? splitRepository(link.sourceRepo) : undefined;
    if (!deployCommit || !link || !sourceRepository || fetched.tip === undefined) return json(404, { error: 'revision is not a deploy commit of this deploy repo' });
    const tree = await dependencies.sourceTreeAt(sourceRepository, link.sourceSha);
    const environments = [...environmentClustersOf(tree)].filter(([, clusters]) => clusters.includes(notification.cluster)).map(([name]) => name);
    const healthy = notification.event === 'sync-succeeded';
    const forge = await dependencies.forgeFor(sourceRepository);
    for (const deployment of await forge.deploymentsOf(link.sourceSha)) {
      if (!environments.includes(deployment.environment)) continue;
      await forge.setDeploymentStatus(deployment.id, healthy ? 'success' : 'failure', healthy ? `Synced and healthy on ${notification.cluster} (${notification.app}).` : `${notification.event === 'sync-failed' ? 'Sync failed' : 'Health degraded'} on ${notification.cluster} (${notification.app}).`);
    }
    const event = healthy ? 'synced' : 'degraded';
    const treeHashOf = async () => renderedTreeHash((await target.generatedAt(deployCommit.commit)).generated);
    const recorded = await appendAuditEntry(target, async (_repo, tip) => {
      const entries = tip === undefined ? [] : await recentEntries(target, tip);
      if (entries.some((entry) => entry.event === event && entry.deploy.commit === deployCommit.commit && entry.deploy.cluster === notification.cluster)) return undefined;
      const deployEntry = entries.find((entry) => entry.seq === link.auditSeq);
      const unchained: UnchainedAuditEntry = {
        time: clock().toISOString(),
        event,
        actor: 'argocd',
        source: deployEntry?.source ?? { repo: link.sourceRepo, sha: link.sourceSha, ...(link.pullRequest ? { pr: link.pullRequest } : {}) },
        approvers: deployEntry?.approvers ?? [],
        approvals: deployEntry?.approvals ?? [],
        deploy: { repo: target.url, branch: target.branch, treeHash: deployEntry?.deploy.treeHash ?? (await treeHashOf()), commit: deployCommit.commit, cluster: notification.cluster },
        environments,
        teams: deployEntry?.teams ?? [],
        changes: (deployEntry?.changes ?? []).filter((change) => environments.includes(change.environment)),
        policy: deployEntry?.policy ?? { passed: true, errors: 0, warnings: 0, waivers: [] },
        message: `Argo CD: ${notification.app} ${healthy ? 'synced and healthy' : notification.event === 'sync-failed' ? 'failed to sync' : 'is degraded'} on ${notification.cluster}${notification.phase ? ` (phase ${notification.phase}` : ''}${notification.health ? `${notification.phase ? ', ' : ' ('}health ${notification.health})` : notification.phase ? ')' : ''}.`,
      };
      return unchained;
    });
    return json(200, { recorded: recorded ? { seq: recorded.entry.seq, event } : null, sourceSha: link.sourceSha, environments });
  };
}
