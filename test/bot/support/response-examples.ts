/**
 * Response bodies shaped like GitHub's: the examples of GitHub's own OpenAPI description
 * (`@octokit/openapi`), copied and filled with the test's values, so mocked responses carry every
 * field a real one does.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let examples: Record<string, { value: unknown }> | undefined;

/** A deep copy of a named example of the OpenAPI description, with `fields` set on top. */
export function exampleOf<T extends Record<string, unknown>>(name: string, fields: Record<string, unknown> = {}): T {
  examples ??= (require('@octokit/openapi/generated/api.github.com.json') as { components: { examples: Record<string, { value: unknown }> } }).components.examples;
  const example = examples[name];
  if (!example) throw new Error(`no OpenAPI example ${name}`);
  return { ...(structuredClone(example.value) as T), ...fields };
}
