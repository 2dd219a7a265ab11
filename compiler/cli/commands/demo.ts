/** `mlops demo` (being written). */
import { type CliCommand, UsageError } from '../command.ts';

/** The `demo` command. */
export const command: CliCommand = {
  name: 'demo',
  summary: '(not yet available)',
  usage: 'mlops demo',
  options: {},
  async run() {
    throw new UsageError('mlops demo is not available in this build.');
  },
};
