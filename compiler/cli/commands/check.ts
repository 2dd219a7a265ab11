/** `mlops check` (being written). */
import { type CliCommand, UsageError } from '../command.ts';

/** The `check` command. */
export const command: CliCommand = {
  name: 'check',
  summary: '(not yet available)',
  usage: 'mlops check',
  options: {},
  async run() {
    throw new UsageError('mlops check is not available in this build.');
  },
};
