import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { botEnvironmentProblems } from '../../../bot/server/bot-environment.ts';
import { type BotServer, startBotServer } from '../../../bot/server/start-server.ts';
import { githubResponseExample, introducedWebhookPayloadViolations, useGitHubApiChecks } from '../../support/github-openapi.ts';
import { minimalApp } from './support/minimal-app.ts';
import { appPrivateKey, deliver, mockInstallationToken, signature, webhookExample } from './support/webhook-delivery.ts';

const secret = 'a-webhook-secret-for-tests';
const env = { APP_ID: '123', PRIVATE_KEY: appPrivateKey(), WEBHOOK_SECRET: secret, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;

useGitHubApiChecks();

describe('startBotServer through real HTTP on 127.0.0.1', () => {
  const { appFunction, probe } = minimalApp();
  let server: BotServer;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    server = await startBotServer({ appFunction, port: 0, host: '127.0.0.1', env });
  });
  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });
  afterEach(() => {
    probe.deliveriesSeen.length = 0;
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready\n']);
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });

  it('hands a correctly signed delivery to the app, which calls GitHub', async () => {
    const payload = webhookExample('pull_request', 'opened');
    const installationId = (payload.installation as { id: number }).id;
    mockInstallationToken(installationId)
      .post('/repos/Codertocat/Hello-World/check-runs', (body) => body.name === 'mlops/validate')
      .reply(201, githubResponseExample('POST', '/repos/{owner}/{repo}/check-runs', 201));
    const response = await deliver(server.webhookUrl, 'pull_request', payload, { secret, id: 'delivery-good' });
    expect(response.status).toBe(200);
    expect(probe.deliveriesSeen).toEqual(['delivery-good']);
  });

  it('rejects a delivery with a wrong signature before it reaches the app', async () => {
    const payload = webhookExample('pull_request', 'opened');
    const rejected = await deliver(server.webhookUrl, 'pull_request', payload, { secret: 'not-the-secret', id: 'delivery-forged' });
    expect(rejected.status).toBeGreaterThanOrEqual(400);
    expect(rejected.status).toBeLessThan(500);
    const body = JSON.stringify(payload);
    const tampered = await fetch(server.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'delivery-tampered',
        'x-hub-signature-256': signature(body, secret),
      },
      body: body.replace('"opened"', '"closed"'),
    });
    expect(tampered.status).toBeGreaterThanOrEqual(400);
    expect(tampered.status).toBeLessThan(500);
    const unsigned = await fetch(server.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'delivery-unsigned' },
      body,
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
    expect(probe.deliveriesSeen).toEqual([]);
  });

  it('answers 5xx when the handler crashes, so GitHub shows the delivery as failed', async () => {
    const payload = webhookExample('pull_request', 'opened');
    (payload.pull_request as { title: string }).title = 'crash please';
    expect(introducedWebhookPayloadViolations('pull_request', webhookExample('pull_request', 'opened'), payload)).toEqual([]);
    const response = await deliver(server.webhookUrl, 'pull_request', payload, { secret, id: 'delivery-crash' });
    expect(response.status).toBe(500);
    expect(probe.deliveriesSeen).toEqual(['delivery-crash']);
  });
});

describe('startBotServer payload limit', () => {
  it('answers 413 to a delivery larger than the limit, without reaching the app', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const { appFunction, probe } = minimalApp();
    const server = await startBotServer({ appFunction, port: 0, host: '127.0.0.1', env, maxPayloadBytes: 1024 });
    try {
      const response = await deliver(server.webhookUrl, 'pull_request', webhookExample('pull_request', 'opened'), { secret, id: 'delivery-huge' });
      expect(response.status).toBe(413);
      expect(probe.deliveriesSeen).toEqual([]);
    } finally {
      await server.close();
      nock.enableNetConnect();
    }
  });
});

describe('startBotServer shutdown', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());

  it('lets an in-flight delivery finish when closed, then refuses connections', async () => {
    const { appFunction, probe } = minimalApp();
    const server = await startBotServer({ appFunction, port: 0, host: '127.0.0.1', env });
    const payload = webhookExample('pull_request', 'opened');
    mockInstallationToken((payload.installation as { id: number }).id)
      .post('/repos/Codertocat/Hello-World/check-runs')
      .delay(300)
      .reply(201, githubResponseExample('POST', '/repos/{owner}/{repo}/check-runs', 201));
    const inFlight = deliver(server.webhookUrl, 'pull_request', payload, { secret, id: 'delivery-in-flight' });
    await vi.waitFor(() => expect(probe.deliveriesSeen).toEqual(['delivery-in-flight']));
    const closed = server.close();
    expect((await inFlight).status).toBe(200);
    await closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('reports an address in use as one line', async () => {
    const { appFunction } = minimalApp();
    const first = await startBotServer({ appFunction, port: 0, host: '127.0.0.1', env });
    const port = Number(new URL(first.url).port);
    await expect(startBotServer({ appFunction, port, host: '127.0.0.1', env })).rejects.toThrow(`cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
    await first.close();
  });
});

describe('startBotServer configuration', () => {
  it('refuses to start without an app ID, a key or a webhook secret, in one line', async () => {
    const { appFunction } = minimalApp();
    await expect(startBotServer({ appFunction, port: 0, host: '127.0.0.1', env: { LOG_LEVEL: 'silent' } })).rejects.toThrow(
      /^cannot start the bot: APP_ID must be .*; PRIVATE_KEY or PRIVATE_KEY_PATH .*; WEBHOOK_SECRET must be set/,
    );
  });

  it('lists each environment problem', () => {
    expect(botEnvironmentProblems({ APP_ID: '12', PRIVATE_KEY_PATH: '/key.pem', WEBHOOK_SECRET: 's' })).toEqual([]);
    expect(botEnvironmentProblems({ APP_ID: 'abc', PRIVATE_KEY: 'k', WEBHOOK_SECRET: 's', PORT: 'http' })).toEqual([
      'APP_ID must be the numeric ID of the GitHub App',
      'PORT must be a port number, not "http"',
    ]);
  });
});
