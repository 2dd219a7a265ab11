/** `mlops plan` (being written). */
import { type CliCommand, UsageError } from '../command.ts';

/** The `plan` command. */
export const command: CliCommand = {
  name: 'plan',
  summary: '(not yet available)',
  usage: 'mlops plan',
  options: {},
  async run() {
    throw new UsageError('mlops plan is not available in this build.');
  },
};
