import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { introducedWebhookPayloadViolations, webhookPayloadViolations } from './webhook-payloads.ts';

const require = createRequire(import.meta.url);
const groups = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
const example = (event: string, action: string, index = 0) =>
  structuredClone(groups.find((group) => group.name === event)!.examples.filter((candidate) => candidate.action === action)[index]!);

describe('webhookPayloadViolations', () => {
  it('accepts a real payload that matches the current schema', () => {
    expect(webhookPayloadViolations('check_suite', example('check_suite', 'rerequested'))).toEqual([]);
  });

  it('names the schema, the pointer and the problem', () => {
    const payload = example('check_suite', 'rerequested');
    (payload.check_suite as Record<string, unknown>).head_sha = 42;
    delete (payload.repository as Record<string, unknown>).full_name;
    expect(webhookPayloadViolations('check_suite', payload)).toEqual([
      'check-suite-rerequested /check_suite/head_sha: must be string',
      'check-suite-rerequested /repository/full_name: is required but missing',
    ]);
  });

  it('refuses an unknown event or action', () => {
    expect(webhookPayloadViolations('pull_requests', {})).toEqual(['pull_requests: not a webhook event of api.github.com']);
    expect(webhookPayloadViolations('check_suite', { action: 'exploded' })).toEqual([
      'check_suite: no schema for action "exploded" in api.github.com',
    ]);
  });
});

describe('introducedWebhookPayloadViolations', () => {
  it('reports only what an adjustment broke, not what the recorded example already lacked', () => {
    const original = example('pull_request', 'synchronize');
    expect(webhookPayloadViolations('pull_request', original).length).toBeGreaterThan(0);
    const adjusted = structuredClone(original);
    const pullRequest = adjusted.pull_request as Record<string, Record<string, unknown>>;
    pullRequest.head!.sha = 'ce587453ced02b1526dfb4cb910479d431683101';
    expect(introducedWebhookPayloadViolations('pull_request', original, adjusted)).toEqual([]);
    pullRequest.head!.sha = null;
    expect(introducedWebhookPayloadViolations('pull_request', original, adjusted)).toEqual([
      'pull-request-synchronize /pull_request/head/sha: must be string',
    ]);
  });
});
