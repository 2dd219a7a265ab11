/** `mlops validate` (being written). */
import { type CliCommand, UsageError } from '../command.ts';

/** The `validate` command. */
export const command: CliCommand = {
  name: 'validate',
  summary: '(not yet available)',
  usage: 'mlops validate',
  options: {},
  async run() {
    throw new UsageError('mlops validate is not available in this build.');
  },
};
