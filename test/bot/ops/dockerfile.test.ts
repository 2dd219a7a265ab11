import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { healthPaths } from '../../../bot/server/start-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** Instructions with line continuations joined and comments dropped: [keyword, arguments]. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [keyword, ...rest] = line.split(/\s+/);
    return [keyword!.toUpperCase(), rest.join(' ')] as const;
  });
const argumentsOf = (keyword: string) => instructions.filter(([name]) => name === keyword).map(([, args]) => args);

describe('Dockerfile', () => {
  it('starts from node 20 slim, pinned to an exact release', () => {
    const from = argumentsOf('FROM');
    expect(from).toHaveLength(1);
    expect(from[0]).toMatch(/^node:20\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
  });

  it('installs production dependencies only, from the lock file', () => {
    expect(argumentsOf('RUN').some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    expect(argumentsOf('RUN').some((run) => /\bnpm install\b/.test(run))).toBe(false);
  });

  it('runs as a numeric non-root user, and the last USER is that one', () => {
    const users = argumentsOf('USER');
    expect(users.at(-1)).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    const lastUser = instructions.findLastIndex(([name]) => name === 'USER');
    expect(instructions.findIndex(([name], index) => index > lastUser && name === 'RUN')).toBe(-1);
  });

  it('runs `npm run bot`, which exists', () => {
    expect(argumentsOf('CMD')).toEqual(['["npm", "run", "bot"]']);
    expect(packageJson.scripts.bot).toBe('tsx bot/main.ts');
  });

  it('checks health on the path the server serves, on its port', () => {
    const [healthcheck] = argumentsOf('HEALTHCHECK');
    expect(healthcheck).toContain(healthPaths.live);
    expect(argumentsOf('EXPOSE')).toEqual(['3000']);
    expect(argumentsOf('ENV').join(' ')).toMatch(/\bPORT=3000\b/);
  });

  it('bakes no secrets into the image', () => {
    const secretNames = /\b(PRIVATE_KEY|WEBHOOK_SECRET|GITHUB_TOKEN|PASSWORD|TOKEN)\b\s*=/i;
    for (const keyword of ['ENV', 'ARG']) {
      for (const args of argumentsOf(keyword)) expect(args).not.toMatch(secretNames);
    }
    expect(argumentsOf('COPY').some((args) => /\.env|\.pem|\.key\b|^\.\s/.test(args))).toBe(false);
    expect(dockerignore).toEqual(expect.arrayContaining(['.env', '.env.*', '*.pem', '*.key', '.git', 'node_modules']));
  });
});
