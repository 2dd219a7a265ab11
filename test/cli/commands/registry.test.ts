import { describe, expect, it } from 'vitest';
import type { CliCommand } from '../../../compiler/cli/command.ts';
import { type CommandDescriptor, lazyCommand, loadCommand } from '../../../compiler/cli/command-descriptor.ts';
import { COMMANDS } from '../../../compiler/cli/commands/index.ts';
import { globalUsage, main } from '../../../compiler/cli/main.ts';
import { captureIO } from '../capture-io.ts';

describe('the command registry', () => {
  it('lists each command once, and each descriptor matches the module it loads', async () => {
    expect(new Set(COMMANDS.map((entry) => entry.name)).size).toBe(COMMANDS.length);
    for (const descriptor of COMMANDS) {
      const command = await descriptor.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: descriptor.name, summary: descriptor.summary });
    }
  });

  it('describes every command in --help without loading any', () => {
    const descriptors: CommandDescriptor[] = COMMANDS.map((entry) => ({
      ...entry,
      load: () => {
        throw new Error(`--help loaded ${entry.name}`);
      },
    }));
    const usage = globalUsage(descriptors);
    const width = Math.max(...COMMANDS.map((entry) => entry.name.length));
    for (const entry of COMMANDS) expect(usage).toContain(`  ${entry.name.padEnd(width)}  ${entry.summary}\n`);
  });

  it('loads only the command it runs', async () => {
    const loaded: string[] = [];
    const echo: CliCommand = {
      name: 'echo',
      summary: 'Prints its arguments.',
      usage: 'Usage: mlops echo [words…]',
      options: {},
      async run(input, io) {
        io.stdout(`${input.positionals.join(' ')}\n`);
        return 0;
      },
    };
    const tracked = (name: string) =>
      lazyCommand(name, `The ${name} command.`, async () => {
        loaded.push(name);
        return { command: { ...echo, name, summary: `The ${name} command.` } };
      });
    const captured = captureIO('/');
    expect(await main(['second', 'hello'], captured.io, [tracked('first'), tracked('second'), tracked('third')])).toBe(0);
    expect(captured.out()).toBe('hello\n');
    expect(loaded).toEqual(['second']);
  });

  it('takes commands already in memory too', async () => {
    const command: CliCommand = { name: 'now', summary: 'Here.', usage: 'Usage: mlops now', options: {}, run: async () => 3 };
    expect(await loadCommand(command)).toBe(command);
    expect(await main(['now'], captureIO('/').io, [command])).toBe(3);
  });
});
