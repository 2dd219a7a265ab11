/** `/mlops plan`: checks the pull request again (checks and comment), as a new push would. */
import { checkPullRequest } from '../core/check-pull-request.ts';
import type { BotCommand } from './bot-command.ts';

/** The `plan` command. */
export const planCommand: BotCommand = {
  name: 'plan',
  usage: '/mlops plan',
  summary: 'Re-run the plan and the checks of this pull request.',
  async run(invocation) {
    await checkPullRequest(invocation.run, invocation.repository, invocation.number);
  },
};
