/**
 * `issue_comment` created on a pull request: runs the `/mlops` command it holds. Comments by bots
 * (this one included) and comments without a command are ignored.
 */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import { parseCommand } from '../commands/parse-command.ts';
import { COMMANDS } from '../commands/registry.ts';
import { runCommand } from '../commands/run-command.ts';
import { handleEvent, repositoryOf } from './handle-event.ts';

/** Registers the handler. */
export function register(app: Probot, dependencies: BotDependencies): void {
  app.on('issue_comment.created', async (context) => {
    const { issue, comment } = context.payload;
    if (!issue.pull_request || comment.user?.type === 'Bot') return;
    const command = parseCommand(comment.body ?? '');
    if (!command) return;
    await handleEvent(context, dependencies, (run) =>
      runCommand(run, { repository: repositoryOf(context), number: issue.number, commenter: comment.user!.login, commentId: comment.id, command }, COMMANDS),
    );
  });
}
