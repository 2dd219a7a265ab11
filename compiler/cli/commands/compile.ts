/** `mlops compile` (being written). */
import { type CliCommand, UsageError } from '../command.ts';

/** The `compile` command. */
export const command: CliCommand = {
  name: 'compile',
  summary: '(not yet available)',
  usage: 'mlops compile',
  options: {},
  async run() {
    throw new UsageError('mlops compile is not available in this build.');
  },
};
