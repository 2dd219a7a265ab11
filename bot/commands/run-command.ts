/**
 * Runs the command of a comment: only for people with write access (admin, maintain or write, asked
 * through the permission API — never trusted from the payload); others get a 👎 reaction and nothing
 * runs. The bot reacts 👀 when it starts; an unknown command gets the help.
 */
import type { EventRun } from '../core/event-run.ts';
import type { RepositoryName } from '../git/clone-url.ts';
import type { BotCommand } from './bot-command.ts';
import { helpText } from './help-command.ts';
import type { ParsedCommand } from './parse-command.ts';

/** A comment that holds a command. */
export interface CommandComment {
  readonly repository: RepositoryName;
  readonly number: number;
  readonly commenter: string;
  readonly commentId: number;
  readonly command: ParsedCommand;
}

/** What happened to a command. */
export type CommandOutcome = 'ran' | 'refused' | 'help';

const WRITERS = new Set(['admin', 'maintain', 'write']);

/** Runs a command from a comment. */
export async function runCommand(run: EventRun, comment: CommandComment, commands: readonly BotCommand[]): Promise<CommandOutcome> {
  const permission = await run.forge.permissionOf(comment.repository, comment.commenter);
  if (!WRITERS.has(permission)) {
    run.log.info({ commenter: comment.commenter, permission, command: comment.command.name }, 'command refused: no write access');
    await run.forge.reactToComment(comment.repository, comment.commentId, '-1');
    return 'refused';
  }
  await run.forge.reactToComment(comment.repository, comment.commentId, 'eyes');
  const command = commands.find((candidate) => candidate.name === comment.command.name);
  if (!command) {
    await run.forge.createComment(comment.repository, comment.number, helpText(commands, comment.command.name));
    return 'help';
  }
  await command.run({ run, repository: comment.repository, number: comment.number, commenter: comment.commenter, commentId: comment.commentId, args: comment.command.args, commands });
  return 'ran';
}
