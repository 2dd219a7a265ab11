import { describe, expect, it } from 'vitest';
import { type CliCommand, UsageError } from '../../compiler/cli/command.ts';
import { main } from '../../compiler/cli/main.ts';
import { captureIO } from './capture-io.ts';

const echo: CliCommand = {
  name: 'echo',
  summary: 'Prints its arguments.',
  usage: 'Usage: mlops echo [words…] [--loud]',
  options: { loud: { type: 'boolean' }, format: { type: 'string' } },
  async run(input, io) {
    const text = input.positionals.join(' ');
    io.stdout(`${input.values.loud ? text.toUpperCase() : text}\n`);
    return 0;
  },
};
const failing: CliCommand = {
  name: 'boom',
  summary: 'Fails.',
  usage: 'Usage: mlops boom [--kind usage|io|bug]',
  options: { kind: { type: 'string' } },
  async run(input) {
    if (input.values.kind === 'usage') throw new UsageError('That will not do.');
    if (input.values.kind === 'io') throw Object.assign(new Error("EACCES: permission denied, open '/secret'"), { code: 'EACCES', syscall: 'open' });
    throw new Error('a bug');
  },
};
const commands = [echo, failing];

describe('main', () => {
  it('dispatches to the named command with parsed flags and positionals', async () => {
    const captured = captureIO('/');
    expect(await main(['echo', 'hello', 'world', '--loud'], captured.io, commands)).toBe(0);
    expect(captured.out()).toBe('HELLO WORLD\n');
    expect(captured.err()).toBe('');
  });

  it('prints the command list for --help and exits 0', async () => {
    const captured = captureIO('/');
    expect(await main(['--help'], captured.io, commands)).toBe(0);
    expect(captured.out()).toContain('Usage: mlops <command>');
    expect(captured.out()).toMatch(/echo\s+Prints its arguments\./);
    expect(captured.out()).toMatch(/boom\s+Fails\./);
  });

  it('prints usage to stderr and exits 2 without a command', async () => {
    const captured = captureIO('/');
    expect(await main([], captured.io, commands)).toBe(2);
    expect(captured.err()).toContain('Usage: mlops <command>');
    expect(captured.out()).toBe('');
  });

  it('prints a command usage for `<cmd> --help` and `help <cmd>`', async () => {
    for (const argv of [['echo', '--help'], ['echo', '-h'], ['help', 'echo']]) {
      const captured = captureIO('/');
      expect(await main(argv, captured.io, commands)).toBe(0);
      expect(captured.out()).toContain('Usage: mlops echo [words…] [--loud]');
    }
  });

  it('prints the package version for --version', async () => {
    const captured = captureIO('/');
    expect(await main(['--version'], captured.io, commands)).toBe(0);
    expect(captured.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('rejects an unknown command with a suggestion, exit 2', async () => {
    const captured = captureIO('/');
    expect(await main(['ecko'], captured.io, commands)).toBe(2);
    expect(captured.err()).toBe('mlops: Unknown command "ecko". Did you mean `mlops echo`? Run `mlops --help` for the list.\n');
  });

  it('rejects an unknown flag with did-you-mean, in one line, exit 2', async () => {
    const captured = captureIO('/');
    expect(await main(['echo', '--lod'], captured.io, commands)).toBe(2);
    expect(captured.err()).toBe('mlops: Unknown option --lod for `mlops echo`. Did you mean --loud? Run `mlops echo --help` for usage.\n');
  });

  it('rejects a string flag without a value, exit 2', async () => {
    const captured = captureIO('/');
    expect(await main(['echo', '--format'], captured.io, commands)).toBe(2);
    expect(captured.err()).toMatch(/^mlops: .*--format.*\n$/);
    expect(captured.err().trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown global option with a suggestion', async () => {
    const captured = captureIO('/');
    expect(await main(['--verison'], captured.io, commands)).toBe(2);
    expect(captured.err()).toContain('Did you mean --version?');
  });

  it('prints a UsageError as one clean line, exit 2', async () => {
    const captured = captureIO('/');
    expect(await main(['boom', '--kind', 'usage'], captured.io, commands)).toBe(2);
    expect(captured.err()).toBe('mlops: That will not do.\n');
  });

  it('prints an I/O error as one clean line, exit 2', async () => {
    const captured = captureIO('/');
    expect(await main(['boom', '--kind', 'io'], captured.io, commands)).toBe(2);
    expect(captured.err()).toBe("mlops: EACCES: permission denied, open '/secret'\n");
  });

  it('reports a bug as an internal error without a stack trace, exit 70', async () => {
    const captured = captureIO('/');
    expect(await main(['boom'], captured.io, commands)).toBe(70);
    expect(captured.err()).toContain('internal error: a bug');
    expect(captured.err()).toContain('MLOPS_DEBUG=1');
    expect(captured.err()).not.toMatch(/\n\s+at /);
  });

  it('prints the stack trace of a bug when MLOPS_DEBUG=1', async () => {
    const captured = captureIO('/', { MLOPS_DEBUG: '1' });
    expect(await main(['boom'], captured.io, commands)).toBe(70);
    expect(captured.err()).toMatch(/internal error: a bug\nError: a bug\n\s+at /);
  });

  it('lists every real command in the default help', async () => {
    const captured = captureIO('/');
    expect(await main(['--help'], captured.io)).toBe(0);
    for (const name of ['validate', 'compile', 'check', 'plan', 'demo']) expect(captured.out()).toContain(`  ${name}`);
  });
});
