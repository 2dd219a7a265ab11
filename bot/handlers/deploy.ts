/**
 * Merge is deploy: the deploy handlers (`registerDeployHandlers`: merged PR, push to the default
 * branch, merge-queue merge) wired to the bot's dependencies. The config tree comes from the clone
 * cache, fetched with the event's installation token; the deploy repo is platform.yaml
 * `gitops.deployRepo` of the merged commit, a leased clone under the same cache root, reached through
 * the same clone-URL template and host, released when the event is done. A config repo that declares
 * no deploy repo is not deployed (one log line).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, Probot } from 'probot';
import { configUnchangedBetween } from '../approvals/collect-approvals.ts';
import type { BotDependencies } from '../bot-dependencies.ts';
import type { DeployHandlerDependencies } from '../deploy/deploy-handler-dependencies.ts';
import { parseRepositoryName } from '../deploy/deploy-targets.ts';
import { registerDeployHandlers } from '../deploy/register-deploy-handlers.ts';

/** What one event's deploy holds: its token and the clones it leased. */
interface EventScope {
  readonly token: string | undefined;
  readonly releases: (() => void)[];
}

/** Thrown out of `deployTarget` when the merged config names no deploy repo; caught below, never a crash. */
class NoDeployRepo extends Error {
  override readonly name = 'NoDeployRepo';
}

/** The deploy handler dependencies over the bot's. */
function deployDependencies(dependencies: BotDependencies, scope: AsyncLocalStorage<EventScope>, log: (message: string) => void): DeployHandlerDependencies {
  const current = (): EventScope => {
    const event = scope.getStore();
    if (!event) throw new Error('bug: a deploy dependency used outside an event');
    return event;
  };
  return {
    async sourceTreeAt(repository, sha) {
      await dependencies.git.ensureCommits(repository, [{ sha }], current().token);
      return dependencies.git.sourceTreeAt(repository, sha);
    },
    async deployTarget(request) {
      const deployRepo = request.deployRepo === undefined ? undefined : parseRepositoryName(request.deployRepo);
      if (!deployRepo) throw new NoDeployRepo(`${request.source.owner}/${request.source.repo} declares no gitops.deployRepo in platform.yaml: nothing deployed`);
      const event = current();
      const lease = await dependencies.deployTargets.lease(deployRepo, request.branch, event.token);
      event.releases.push(lease.release);
      return lease.target;
    },
    configUnchanged: (repository, reviewedSha, headSha) => configUnchangedBetween(dependencies.git, repository, current().token, reviewedSha, headSha),
    clock: dependencies.clock,
    log,
  };
}

/** Registers the deploy handlers. */
export function register(app: Probot, dependencies: BotDependencies): void {
  const scope = new AsyncLocalStorage<EventScope>();
  const log = (message: string) => app.log.error(message);
  // Each handler runs inside its event's scope (token, leases), and its leases end with it.
  const scoped = new Proxy(app, {
    get(target, property, receiver) {
      if (property !== 'on') return Reflect.get(target, property, receiver);
      return (events: Parameters<Probot['on']>[0], handler: (context: Context) => Promise<void>) =>
        target.on(events, async (context: Context) => {
          const event: EventScope = { token: await dependencies.tokenFor(context), releases: [] };
          try {
            await scope.run(event, () => handler(context));
          } catch (error) {
            if (!(error instanceof NoDeployRepo)) throw error;
            context.log.info({ event: context.name, delivery: context.id }, error.message);
          } finally {
            for (const release of event.releases) release();
          }
        });
    },
  });
  registerDeployHandlers(scoped, deployDependencies(dependencies, scope, log));
}
