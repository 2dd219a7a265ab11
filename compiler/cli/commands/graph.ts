/** `mlops graph` (being written). */
import { type CliCommand, UsageError } from '../command.ts';

/** The `graph` command. */
export const command: CliCommand = {
  name: 'graph',
  summary: '(not yet available)',
  usage: 'mlops graph',
  options: {},
  async run() {
    throw new UsageError('mlops graph is not available in this build.');
  },
};
