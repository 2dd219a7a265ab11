/**
 * Test support: real webhook payloads from `@octokit/webhooks-examples`, signed like GitHub signs them,
 * and the GitHub side of an installation (app key, token, mocks checked against the OpenAPI description).
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import type nock from 'nock';
import { githubApi, githubResponseExample } from '../../../support/github-openapi.ts';

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
const exampleGroups = require('@octokit/webhooks-examples') as ExampleGroup[];

/** A fresh copy of the first example of `event` with `action` that carries an installation. */
export function webhookExample(event: string, action: string): Record<string, unknown> {
  const group = exampleGroups.find((candidate) => candidate.name === event);
  const example = group?.examples.find((candidate) => candidate.action === action && candidate.installation);
  if (!example) throw new Error(`no ${event}.${action} example with an installation`);
  return structuredClone(example);
}

/** The `X-Hub-Signature-256` header GitHub sends for `body` under `secret`. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POST a delivery to the bot's webhook URL the way GitHub does. */
export function deliver(webhookUrl: string, event: string, payload: unknown, options: { secret: string; id: string }) {
  const body = JSON.stringify(payload);
  return fetch(webhookUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/test',
      'x-github-event': event,
      'x-github-delivery': options.id,
      'x-hub-signature-256': signature(body, options.secret),
    },
    body,
  });
}

let privateKey: string | undefined;

/** An RSA key in PKCS#1 PEM for the app (generated once per process). */
export function appPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return privateKey;
}

/** Mock the installation token exchange on a checked scope; returns the scope for more mocks. */
export function mockInstallationToken(installationId: number, baseUrl = 'https://api.github.com'): nock.Scope {
  const token = { ...githubResponseExample('POST', '/app/installations/{installation_id}/access_tokens', 201), expires_at: '2099-01-01T00:00:00Z' };
  return githubApi(baseUrl).post(`/app/installations/${installationId}/access_tokens`).reply(201, token);
}
