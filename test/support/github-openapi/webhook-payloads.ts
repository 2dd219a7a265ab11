/**
 * Test support: check a webhook payload against the schema GitHub's OpenAPI description gives for its
 * event and action (`x-webhooks`), so payloads a test adjusted are still payloads GitHub could send.
 */
import { type GitHubFlavour, openApiDescription } from './openapi-description.ts';

interface WebhookEntry {
  post: {
    'x-github': { subcategory: string };
    requestBody: { content: Record<string, { schema: unknown }> };
  };
}

/** Violations of `payload` as a delivery of `event` (e.g. `pull_request`); its `action` picks the schema. */
export function webhookPayloadViolations(event: string, payload: unknown, flavour: GitHubFlavour = 'api.github.com'): string[] {
  const description = openApiDescription(flavour);
  const action = (payload as { action?: unknown } | null)?.action;
  const webhooks = description.resolve<Record<string, WebhookEntry>>({ $ref: '#/x-webhooks' });
  const candidates = Object.entries(webhooks).filter(([, entry]) => entry.post['x-github'].subcategory === event);
  if (candidates.length === 0) return [`${event}: not a webhook event of ${flavour}`];
  const key = typeof action === 'string' ? `${event.replaceAll('_', '-')}-${action.replaceAll('_', '-')}` : undefined;
  const match = candidates.find(([name]) => name === key) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!match) return [`${event}: no schema for action ${JSON.stringify(action)} in ${flavour}`];
  const [name, entry] = match;
  const schema = entry.post.requestBody.content['application/json']?.schema;
  const validate = description.validator(`webhook ${name}`, false, () => schema);
  if (validate(payload)) return [];
  return (validate.errors ?? []).map((error) => {
    const params = error.params as Record<string, unknown>;
    const pointer = error.keyword === 'required' ? `${error.instancePath}/${String(params.missingProperty)}` : error.instancePath;
    return `${name} ${pointer || '/'}: ${error.keyword === 'required' ? 'is required but missing' : error.message}`;
  });
}

/**
 * Violations an adjusted payload has that the original (a real `@octokit/webhooks-examples` payload)
 * did not have. GitHub's recorded examples predate some fields the current schema requires, so a test
 * that adjusts a real payload checks only what its adjustment broke.
 */
export function introducedWebhookPayloadViolations(
  event: string,
  original: unknown,
  adjusted: unknown,
  flavour: GitHubFlavour = 'api.github.com',
): string[] {
  const before = new Set(webhookPayloadViolations(event, original, flavour));
  return webhookPayloadViolations(event, adjusted, flavour).filter((violation) => !before.has(violation));
}
