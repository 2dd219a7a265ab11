import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openApiDescription } from '../../support/github-openapi/openapi-description.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const manifest = parse(readFileSync(path.join(root, 'app.yml'), 'utf8')) as Record<string, unknown>;

/** The keys of Probot's `Manifest` type (probot/lib/types.d.ts) plus `version`, which Probot adds. */
const manifestKeys = [
  'name', 'url', 'hook_attributes', 'redirect_url', 'callback_urls', 'setup_url', 'description', 'public',
  'default_events', 'default_permissions', 'request_oauth_on_install', 'setup_on_update', 'version',
];

/** The permission GitHub requires to subscribe a GitHub App to each event (GitHub's webhook docs). */
const permissionForEvent: Record<string, string> = {
  pull_request: 'pull_requests',
  pull_request_review: 'pull_requests',
  check_run: 'checks',
  check_suite: 'checks',
  merge_group: 'merge_queues',
  issue_comment: 'issues',
  push: 'contents',
  deployment_status: 'deployments',
};

describe('app.yml', () => {
  it('has the shape of a Probot manifest and leaves the URLs Probot computes to Probot', () => {
    expect(Object.keys(manifest).filter((key) => !manifestKeys.includes(key))).toEqual([]);
    expect(manifest.name).toMatch(/^[a-z0-9-]{1,34}$/);
    expect(manifest.url).toMatch(/^https:\/\//);
    expect(manifest.public).toBe(false);
    expect(manifest).not.toHaveProperty('hook_attributes');
    expect(manifest).not.toHaveProperty('redirect_url');
  });

  it('asks for permissions GitHub knows, at levels GitHub knows (the OpenAPI app-permissions schema)', () => {
    const description = openApiDescription('api.github.com');
    const validate = description.validator('app-permissions', false, () => ({
      allOf: [{ $ref: '#/components/schemas/app-permissions' }, { additionalProperties: { enum: ['read', 'write'] } }],
    }));
    const permissions = manifest.default_permissions as Record<string, string>;
    expect(validate(permissions), JSON.stringify(validate.errors)).toBe(true);
    const known = Object.keys(description.resolve<{ properties: object }>({ $ref: '#/components/schemas/app-permissions' }).properties);
    expect(Object.keys(permissions).filter((name) => !known.includes(name))).toEqual([]);
  });

  it('asks for exactly the permissions the bot needs', () => {
    expect(manifest.default_permissions).toEqual({
      checks: 'write',
      pull_requests: 'write',
      issues: 'write',
      contents: 'write',
      deployments: 'write',
      merge_queues: 'read',
      members: 'read',
      metadata: 'read',
      statuses: 'read',
    });
  });

  it('subscribes to the events the bot handles, each covered by a granted permission', () => {
    const events = manifest.default_events as string[];
    expect([...events].sort()).toEqual(Object.keys(permissionForEvent).sort());
    const permissions = manifest.default_permissions as Record<string, string>;
    for (const event of events) {
      const needed = permissionForEvent[event]!;
      expect(permissions[needed], `${event} needs ${needed}`).toMatch(/^(read|write)$/);
    }
  });

  it('names only events GitHub sends to apps (the OpenAPI webhooks)', () => {
    const description = openApiDescription('api.github.com');
    const webhooks = description.resolve<Record<string, { post: { 'x-github': { subcategory: string; 'supported-webhook-types': string[] } } }>>(
      { $ref: '#/x-webhooks' },
    );
    const appEvents = new Set(
      Object.values(webhooks)
        .filter((hook) => hook.post['x-github']['supported-webhook-types'].includes('app'))
        .map((hook) => hook.post['x-github'].subcategory),
    );
    expect((manifest.default_events as string[]).filter((event) => !appEvents.has(event))).toEqual([]);
  });
});
