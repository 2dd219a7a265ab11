/**
 * The commands users can run in pull-request comments. Adding a command is one line here (its
 * module exports a `BotCommand`); `/mlops help` lists them in this order.
 */
import type { BotCommand } from './bot-command.ts';
import { helpCommand } from './help-command.ts';
import { planCommand } from './plan-command.ts';
import { promoteCommand, rollbackCommand } from './promote-commands.ts';
import { reportCommand } from './report-bot-command.ts';

/** Every command. */
export const COMMANDS: readonly BotCommand[] = [planCommand, promoteCommand, rollbackCommand, reportCommand, helpCommand];
