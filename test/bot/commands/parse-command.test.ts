import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../bot/commands/parse-command.ts';

describe('parseCommand', () => {
  it('reads the first /mlops line of a comment', () => {
    expect(parseCommand('Please re-run\r\n  /mlops PLAN --now  \n/mlops help')).toEqual({ name: 'plan', args: ['--now'] });
    expect(parseCommand('/mlops')).toEqual({ name: '', args: [] });
  });

  it('ignores comments that only mention /mlops', () => {
    expect(parseCommand('see /mlops plan in the docs')).toBeUndefined();
    expect(parseCommand('/mlopsplan')).toBeUndefined();
  });
});
