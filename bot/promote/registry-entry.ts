/**
 * Turns a handler into a registry entry of the bot core (`name`, `usage`, `summary`, `run(invocation)`),
 * structurally: the invocation only needs the words after the command name; `dependenciesFor` builds
 * the injected dependencies from it (clone readers, the Octokit forge, the commenter, the issue number).
 * A malformed command is answered with its usage.
 */
import type { CommandHandler } from './command-handler.ts';
import type { PromoteDependencies } from './dependencies.ts';
import { usageReply } from './reply.ts';

/** What the registry entry needs from an invocation. */
export interface InvocationWords {
  /** Words after `/mlops <name>`. */
  readonly args: readonly string[];
}

/** A registry entry. */
export interface RegistryEntry<Invocation extends InvocationWords> {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(invocation: Invocation): Promise<void>;
}

/** The registry entry of a promote/rollback handler. */
export function registryEntry<Request, Invocation extends InvocationWords>(
  handler: CommandHandler<Request, PromoteDependencies>,
  dependenciesFor: (invocation: Invocation) => Promise<PromoteDependencies>,
): RegistryEntry<Invocation> {
  return {
    name: handler.name,
    usage: handler.usage,
    summary: handler.summary,
    async run(invocation) {
      const dependencies = await dependenciesFor(invocation);
      const parsed = handler.parse(invocation.args);
      if ('usageError' in parsed) {
        await dependencies.forge.comment(dependencies.issueNumber, usageReply(dependencies.requestedBy, parsed.usageError, handler.usage));
        return;
      }
      await handler.run(parsed.request, dependencies);
    },
  };
}
