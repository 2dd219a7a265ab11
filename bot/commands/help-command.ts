/** `/mlops help`: replies with the list of commands. Unknown commands get the same reply. */
import { escapeInline } from '../../compiler/plan/report/escape.ts';
import type { BotCommand, CommandInvocation } from './bot-command.ts';

/** The help text for some commands (pure); `unknown` names the command that was not understood. */
export function helpText(commands: readonly BotCommand[], unknown?: string): string {
  const intro = unknown === undefined ? 'Cirrus MLOps commands:' : `Unknown command <code>${escapeInline(`/mlops ${unknown}`.trim())}</code>. Cirrus MLOps commands:`;
  const rows = commands.map((command) => `| \`${command.usage}\` | ${command.summary} |`);
  return [intro, '', '| command | what it does |', '|---|---|', ...rows, '', 'Only people with write access to this repository can run commands.'].join('\n');
}

/** The `help` command. */
export const helpCommand: BotCommand = {
  name: 'help',
  usage: '/mlops help',
  summary: 'List the commands.',
  async run(invocation: CommandInvocation) {
    await invocation.run.forge.createComment(invocation.repository, invocation.number, helpText(invocation.commands));
  },
};
