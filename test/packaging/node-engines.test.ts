import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/built-cli.ts';
import { satisfiesNodeRange } from './support/node-range.ts';

interface LockEntry {
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly devOptional?: boolean;
  readonly engines?: { readonly node?: string };
  readonly dependencies?: Readonly<Record<string, string>>;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
/** The oldest release of each Node line `engines` admits. */
const LOW_ENDS = ['20.19.0', '22.12.0'];
/**
 * Packages that declare Node ≥ 22 only as their support policy, each proven on this Node by a test:
 * content-type's one function we run is exercised below; vega-lite (browser-first ES2022, no Node
 * API) compiles every chart of the dashboard in test/cli/report/ and test/report/.
 */
const KNOWN_STRICTER = new Map([
  ['node_modules/content-type', '>=22'],
  ['node_modules/vega-lite', '>=22'],
]);

describe('supported Node versions', () => {
  it('reads engines ranges as npm does, for the forms in the lockfile', () => {
    expect(satisfiesNodeRange('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfiesNodeRange('20.18.3', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfiesNodeRange('21.7.0', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfiesNodeRange('22.11.0', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfiesNodeRange('24.1.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfiesNodeRange('20.19.0', '>= 20')).toBe(true);
    expect(satisfiesNodeRange('20.11.0', '>=18.20.0 <20 || >=20.12.1')).toBe(false);
    expect(satisfiesNodeRange('22.0.0', '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfiesNodeRange('8.1.0', '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfiesNodeRange('7.1.0', '6.* || 8.* || >= 10.*')).toBe(false);
  });

  it('engines admits the Node running the tests, and README says the same range', () => {
    expect(manifest.engines.node).toBe('^20.19.0 || >=22.12.0');
    expect(satisfiesNodeRange(process.versions.node, manifest.engines.node), `Node ${process.versions.node}`).toBe(true);
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ')).toContain('Node 20.19 or newer in the 20 line, or 22.12 and newer');
  });

  it('every installed package admits the oldest supported Node of each line, content-type excepted', () => {
    const rejecting: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines?.node;
      if (path === '' || range === undefined || entry.optional || entry.devOptional) continue;
      for (const version of LOW_ENDS) if (!satisfiesNodeRange(version, range)) rejecting.push(`${path} (${range}) on ${version}`);
    }
    expect(rejecting.filter((entry) => ![...KNOWN_STRICTER].some(([path, range]) => entry === `${path} (${range}) on 20.19.0`))).toEqual([]);
  });

  it('content-type, which @octokit/request uses to read response bodies, works on this Node', async () => {
    const request = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/@octokit/request/package.json'), 'utf8')) as LockEntry;
    expect(Object.keys(request.dependencies ?? {})).toContain('content-type');
    const bodies: Record<string, [string, string]> = {
      '/json': ['application/json; charset=utf-8', '{"ok":true}'],
      '/text': ['text/plain; charset="UTF-8"', 'plain words'],
      '/binary': ['application/octet-stream; charset=utf-8', 'bytes'],
      '/scim': ['application/scim+json', '{"scim":1}'],
    };
    const server = createServer((req, res) => {
      const [type, body] = bodies[req.url ?? ''] ?? ['text/plain', 'missing'];
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const octokit = new Octokit({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      expect((await octokit.request('GET /json')).data).toEqual({ ok: true });
      expect((await octokit.request('GET /text')).data).toBe('plain words');
      const binary = (await octokit.request('GET /binary')).data as ArrayBuffer;
      expect(Buffer.from(binary).toString()).toBe('bytes');
      expect((await octokit.request('GET /scim')).data).toEqual({ scim: 1 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
