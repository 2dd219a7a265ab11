/**
 * The bot's HTTP server: GitHub webhook deliveries (size and signature checked before Probot parses
 * them, see verify-delivery.ts) plus `/healthz` (the process serves), `/readyz` (it takes deliveries; 503 on connections
 * still open once `close()` has begun; the port opens only after the app is loaded) and `/metrics`
 * (Prometheus). Stateless: any replica can take any delivery.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../../compiler/cli/command.ts';
import { type ApplicationFunction, createNodeMiddleware, createProbot } from 'probot';
import { type BotDependencies, defaultDependencies } from '../bot-dependencies.ts';
import { type ArgoCdDeployRepo, deployReposOf } from '../deploy/argocd-deploy-repos.ts';
import { argoCdEndpointForApp } from '../deploy/argocd-endpoint-for-app.ts';
import { botOctokit } from '../octokit/bot-octokit.ts';
import { type BotMetrics, createBotMetrics } from '../observability/bot-metrics.ts';
import { instrumentApp } from '../observability/instrument-app.ts';
import { metricsOctokitPlugin } from '../observability/metrics-octokit-plugin.ts';
import { botEnvironmentProblems } from './bot-environment.ts';
import { defaultMaxPayloadBytes, hasValidSignature, printableHeader, readBody } from './verify-delivery.ts';

/** Paths the server answers besides the webhook path. */
export const healthPaths = { live: '/healthz', ready: '/readyz', metrics: '/metrics' } as const;

/** Where Argo CD Notifications report syncs (on when `MLOPS_ARGOCD_TOKEN` is set). */
export const argoCdPath = '/argocd';

/** Options of `startBotServer`. */
export interface StartBotServerOptions {
  /** The Probot app (the bot's `bot/app.ts` default export in production). */
  readonly appFunction: ApplicationFunction;
  /** @default Number(env.PORT ?? 3000); 0 picks a free port */
  readonly port?: number;
  /** @default env.HOST ?? '0.0.0.0' */
  readonly host?: string;
  /** APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, GHE_HOST, LOG_LEVEL, … (see bot-environment.ts). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default createBotMetrics({ processMetrics: true }) */
  readonly metrics?: BotMetrics;
  /** Larger deliveries are answered 413 without being parsed. @default 25 MiB (GitHub's cap) */
  readonly maxPayloadBytes?: number;
  /** The dependencies the app was built with (the /argocd endpoint shares its clones and locks). @default defaultDependencies({}, env) */
  readonly dependencies?: BotDependencies;
}

/** A running bot server. */
export interface BotServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Full URL of the webhook endpoint. */
  readonly webhookUrl: string;
  readonly metrics: BotMetrics;
  /**
   * Stop taking deliveries (`/readyz` turns 503, the port closes), let in-flight requests finish and
   * close each keep-alive connection as it goes idle; after `graceMilliseconds` (default 20 s, inside
   * Kubernetes' 30 s termination grace) close whatever is still open.
   */
  close(graceMilliseconds?: number): Promise<void>;
}

type ArgoCdHandler = ReturnType<typeof argoCdEndpointForApp>;

/** The /argocd handler when `MLOPS_ARGOCD_TOKEN` is set (the deploy repo settings are checked at start); else a log line and none. */
function argoCdEndpointOf(env: NodeJS.ProcessEnv, dependencies: BotDependencies, probot: ReturnType<typeof createProbot>): ArgoCdHandler | undefined {
  const served = deployReposOf(env);
  if (!env.MLOPS_ARGOCD_TOKEN || !('repos' in served)) {
    probot.log.info(`the ${argoCdPath} endpoint is off: MLOPS_ARGOCD_TOKEN is not set`);
    return undefined;
  }
  const names = (repo: ArgoCdDeployRepo) => `${repo.deployRepo.owner}/${repo.deployRepo.repo}@${repo.branch}`;
  probot.log.info({ deployRepos: served.repos.repos.map(names), ...(served.repos.fallback ? { fallback: names(served.repos.fallback) } : {}) }, `the ${argoCdPath} endpoint is on`);
  return argoCdEndpointForApp(probot, dependencies, { token: env.MLOPS_ARGOCD_TOKEN, deployRepos: served.repos });
}

/** Hands a request to the /argocd endpoint (bodies over 64 KiB are refused unread). */
async function handleArgoCd(request: IncomingMessage, response: ServerResponse, endpoint: ArgoCdHandler): Promise<void> {
  const body = request.method === 'POST' ? await readBody(request, 64 * 1024) : Buffer.alloc(0);
  if (body === undefined) return send(response, 413, 'application/json', '{"error":"body too large"}\n');
  const result = await endpoint({ method: request.method ?? 'GET', headers: request.headers, body: body.toString('utf8') });
  send(response, result.status, 'application/json', result.body);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
}

/**
 * Start the bot's server. Throws a `UsageError` (one line, no stack) when the environment lacks what
 * the bot cannot run without, or the address cannot be listened on.
 */
export async function startBotServer(options: StartBotServerOptions): Promise<BotServer> {
  const env = { LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...(options.env ?? process.env) } as NodeJS.ProcessEnv;
  const problems = botEnvironmentProblems(env);
  if (problems.length > 0) throw new UsageError(`cannot start the bot: ${problems.join('; ')}`);
  const metrics = options.metrics ?? createBotMetrics({ processMetrics: true });
  const probot = createProbot({ env, overrides: { Octokit: botOctokit().plugin(metricsOctokitPlugin(metrics)) } });
  const webhooksPath = env.WEBHOOK_PATH || '/api/github/webhooks';
  const secret = env.WEBHOOK_SECRET!;
  const middleware = await createNodeMiddleware(instrumentApp(options.appFunction, metrics), { probot, webhooksPath });
  const argoCd = argoCdEndpointOf(env, options.dependencies ?? defaultDependencies({}, env), probot);
  let ready = false;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!ready) response.setHeader('connection', 'close');
    response.once('finish', () => {
      if (!ready) setImmediate(() => server.closeIdleConnections());
    });
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === healthPaths.live) return send(response, 200, 'text/plain', 'ok\n');
    if (request.method === 'GET' && path === healthPaths.ready) {
      return ready ? send(response, 200, 'text/plain', 'ready\n') : send(response, 503, 'text/plain', 'not ready\n');
    }
    if (request.method === 'GET' && path === healthPaths.metrics) {
      metrics.registry.metrics().then(
        (text) => send(response, 200, metrics.registry.contentType, text),
        (error: unknown) => {
          probot.log.error({ err: error }, 'metrics could not be collected');
          send(response, 500, 'text/plain', 'metrics unavailable\n');
        },
      );
      return;
    }
    if (path === argoCdPath && argoCd) {
      handleArgoCd(request, response, argoCd).catch((error: unknown) => {
        probot.log.error({ err: error }, 'Argo CD notification failed');
        if (!response.headersSent) send(response, 500, 'application/json', '{"error":"internal error"}\n');
      });
      return;
    }
    handleDelivery(request, response).catch((error: unknown) => {
      probot.log.error({ err: error }, 'request failed');
      if (!response.headersSent) send(response, 500, 'text/plain', 'internal error\n');
    });
  });

  async function handleDelivery(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const notFound = () => send(response, 404, 'text/plain', 'not found\n');
    if (request.method === 'POST' && (request.url ?? '').split('?')[0] === webhooksPath) {
      const delivery = { id: printableHeader(request.headers['x-github-delivery']), event: printableHeader(request.headers['x-github-event']) };
      const body = await readBody(request, options.maxPayloadBytes ?? defaultMaxPayloadBytes);
      if (body === undefined) {
        probot.log.warn({ delivery }, 'webhook delivery rejected: payload too large');
        return send(response, 413, 'text/plain', 'payload too large\n');
      }
      if (!hasValidSignature(body, request.headers['x-hub-signature-256'] as string | undefined, secret)) {
        probot.log.warn({ delivery }, 'webhook delivery rejected: missing or wrong X-Hub-Signature-256');
        return send(response, 401, 'text/plain', 'signature does not match\n');
      }
      request.body = body.toString('utf8');
    }
    await middleware(request, response, notFound);
  }
  server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout

  const port = options.port ?? Number(env.PORT ?? 3000);
  const host = options.host ?? env.HOST ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot listen on ${host}:${port}: ${error.code ?? error.message}`));
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  server.on('error', (error) => probot.log.error({ err: error }, 'bot server error'));
  ready = true;
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  probot.log.info({ url, webhooksPath }, 'bot server listening');

  return {
    url,
    webhookUrl: `${url}${webhooksPath}`,
    metrics,
    close: (graceMilliseconds = 20_000) =>
      new Promise<void>((resolve, reject) => {
        ready = false;
        const deadline = setTimeout(() => server.closeAllConnections(), graceMilliseconds);
        deadline.unref();
        server.close((error) => {
          clearTimeout(deadline);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
