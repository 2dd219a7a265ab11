/** `mlops explain` (being written). */
import { type CliCommand, UsageError } from '../command.ts';

/** The `explain` command. */
export const command: CliCommand = {
  name: 'explain',
  summary: '(not yet available)',
  usage: 'mlops explain',
  options: {},
  async run() {
    throw new UsageError('mlops explain is not available in this build.');
  },
};
