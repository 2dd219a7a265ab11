#!/usr/bin/env node
/**
 * `npm run bot`: the GitHub App's process. Starts the webhook server (signatures checked, health and
 * metrics endpoints) with the production app, configured from the environment
 * (docs/bot-operations.md lists the variables). A missing setting is one line on stderr and exit 2;
 * SIGTERM and SIGINT drain in-flight deliveries before the process ends.
 */
import { UsageError } from '../compiler/cli/command.ts';
import { createApp } from './app.ts';
import { defaultDependencies } from './bot-dependencies.ts';
import { startBotServer } from './server/start-server.ts';

try {
  // One set of dependencies for the app and the /argocd endpoint: one clone cache, one set of locks.
  const dependencies = defaultDependencies();
  const server = await startBotServer({ appFunction: createApp(dependencies), dependencies });
  process.stdout.write(`cirrus-mlops bot listening on ${server.url} (webhooks at ${server.webhookUrl})\n`);
  // The clone cache's git cat-file readers end with the deliveries they served.
  const stop = (): void => void server.close().then(async () => {
    await dependencies.git.close?.();
    process.exit(0);
  });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`mlops bot: ${error.message}\n`);
  process.exitCode = 2;
}
