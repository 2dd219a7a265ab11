/** `mlops promote` and `mlops rollback` on real git repos: a config repo with history and deploy repos with audit trails. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../compiler/cli/main.ts';
import { captureIO } from '../capture-io.ts';
import { FRAUD_TEAM_FILE } from '../../promote/support/sample-org.ts';
import { buildTrail, type ShortEvent } from '../../promote/support/trail.ts';
import { commitFraudEdit, deployRepo, removeAll, sampleConfigRepo, tempDir } from './support.ts';

const made: string[] = [];
let config: string;
let original: string;
let promoted: string;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const PROMOTED_TEXT = FRAUD_TEAM_FILE.replace('        version: "1.4.0"\n        canary: { version: "1.5.0", traffic: 10 }\n', '        version: "1.5.0"\n');

async function trailRepo(events: readonly ShortEvent[], tamper?: (lines: string[]) => string[]): Promise<string> {
  const dir = await tempDir('mlops-deploy-');
  made.push(dir);
  return deployRepo(dir, buildTrail(events), tamper);
}

async function run(args: string[]) {
  const captured = captureIO(config);
  const code = await main(args, captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

const branchFile = (branch: string) => simpleGit(config).show([`${branch}:config/teams/fraud/mlops.yaml`]);

beforeAll(async () => {
  config = await tempDir('mlops-config-');
  made.push(config);
  original = await sampleConfigRepo(config);
});

afterAll(async () => {
  await removeAll(made);
});

describe('mlops promote', () => {
  const served = (sha: () => string): ShortEvent[] => [
    { event: 'deploy', time: hoursAgo(40), sha: sha(), pr: 3, changes: [{ environment: 'staging', version: '1.5.0', action: 'added' }, { environment: 'prod', version: '1.4.0', canary: { version: '1.5.0', traffic: 10 }, action: 'added' }] },
  ];

  it('refuses before the soak time, with the reason, and creates nothing', async () => {
    const deploy = await trailRepo([...served(() => original), { event: 'synced', time: hoursAgo(3.5), sha: original, cluster: 'stg-eu' }]);
    const result = await run(['promote', 'config', 'fraud-api', '1.5.0', '--to', 'prod', '--deploy-repo', deploy]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^mlops promote: refused \(ML806\): 1\.5\.0 has been healthy in staging for 3h (29|30)m; prod requires 24h \(soak\)\.\n {2}hint: Ask again after /);
    expect(await simpleGit(config).branchLocal()).toMatchObject({ all: ['main'] });
  });

  it('refuses a version that never served, and an unregistered version with its location', async () => {
    const deploy = await trailRepo([{ event: 'deploy', time: hoursAgo(40), sha: original, changes: [{ environment: 'staging', version: '1.4.0' }] }]);
    const never = await run(['promote', 'config', 'fraud-api', '1.5.0', '--to', 'prod', '--deploy-repo', deploy]);
    expect(never.code).toBe(1);
    expect(never.err).toContain('refused (ML807): 1.5.0 never served in staging; prod requires 24h (soak).');
    const unregistered = await run(['promote', 'config', 'fraud-api', '1.6.0', '--to', 'prod', '--deploy-repo', deploy]);
    expect(unregistered.code).toBe(1);
    expect(unregistered.err).toContain('refused (ML803): 1.6.0 is not a registered version of model `fraud-detector` (models.fraud-detector.versions).');
    expect(unregistered.err).toMatch(/teams\/fraud\/mlops\.yaml:\d+:12 error ML803/);
  });

  it('creates a branch with one commit changing only the version, leaving HEAD and the working tree alone', async () => {
    const deploy = await trailRepo([...served(() => original), { event: 'synced', time: hoursAgo(30), sha: original, cluster: 'stg-eu' }]);
    const result = await run(['promote', 'config', 'fraud-api', '1.5.0', '--to', 'prod', '--deploy-repo', deploy]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Created branch mlops\/promote-fraud-api-1\.5\.0-to-prod \(commit [0-9a-f]{12}\) in config, changing teams\/fraud\/mlops\.yaml:\n {2}prod: fraud-api 1\.4\.0 → 1\.5\.0 \(model fraud-detector; completes the 10 % canary of 1\.5\.0, whose block is removed\)\n {2}1\.5\.0 has been healthy in staging for 1d 6h \(since /);
    expect(result.out).toContain('Title: Promote fraud-api 1.5.0 to prod\n\n<!-- mlops:promote -->\n## Promote fraud-api 1.5.0 to prod\n');
    const start = FRAUD_TEAM_FILE.indexOf('version: "1.4.0"');
    expect(await branchFile('mlops/promote-fraud-api-1.5.0-to-prod')).toBe(`${FRAUD_TEAM_FILE.slice(0, start)}version: "1.5.0"\n${FRAUD_TEAM_FILE.slice(FRAUD_TEAM_FILE.indexOf('        regions:'))}`);
    expect(await branchFile('mlops/promote-fraud-api-1.5.0-to-prod')).toBe(PROMOTED_TEXT);
    const git = simpleGit(config);
    expect((await git.revparse(['HEAD'])).trim()).toBe(original);
    expect((await git.status()).isClean()).toBe(true);
    expect((await git.raw(['log', '--format=%s', 'main..mlops/promote-fraud-api-1.5.0-to-prod'])).trim()).toBe('Promote fraud-api 1.5.0 to prod');
    expect((await git.raw(['diff', '--name-only', 'main', 'mlops/promote-fraud-api-1.5.0-to-prod'])).trim()).toBe('config/teams/fraud/mlops.yaml');
    const again = await run(['promote', 'config', 'fraud-api', '1.5.0', '--to', 'prod', '--deploy-repo', deploy]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('Branch mlops/promote-fraud-api-1.5.0-to-prod already exists');
  });

  it('exits 2 on usage and I/O errors, and on a tampered trail', async () => {
    expect((await run(['promote', 'config', 'fraud-api', '1.5.0', '--deploy-repo', '.'])).code).toBe(2);
    expect((await run(['promote', 'config', 'fraud-api', '--to', 'prod', '--deploy-repo', '.'])).code).toBe(2);
    const notRepo = await tempDir('mlops-empty-');
    made.push(notRepo);
    const missing = await run(['promote', 'config', 'fraud-api', '1.5.0', '--to', 'prod', '--deploy-repo', notRepo]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Not a git repository with commits');
    const tampered = await trailRepo([...served(() => original), { event: 'synced', time: hoursAgo(30), sha: original, cluster: 'stg-eu' }], (lines) => [lines[0]!.replace('"1.5.0"', '"1.4.0"'), ...lines.slice(1)]);
    const broken = await run(['promote', 'config', 'fraud-api', '1.5.0', '--to', 'prod', '--deploy-repo', tampered]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/The audit trail is broken at audit\/\d{4}-\d{2}\.jsonl:1 \(seq 1\)/);
  });
});

describe('mlops rollback', () => {
  let trail: string;

  beforeAll(async () => {
    promoted = await commitFraudEdit(config, () => PROMOTED_TEXT, 'promote 1.5.0 to prod');
    trail = await trailRepo([
      { event: 'deploy', time: hoursAgo(40), sha: original, pr: 3, changes: [{ environment: 'prod', version: '1.4.0', canary: { version: '1.5.0', traffic: 10 }, action: 'added' }] },
      { event: 'synced', time: hoursAgo(39), sha: original, cluster: 'prod-eu' },
      { event: 'deploy', time: hoursAgo(2), sha: promoted, pr: 4, changes: [{ environment: 'prod', version: '1.5.0' }] },
    ]);
  });

  it('restores the block of the deploy before the last change, byte for byte, and says what it undoes', async () => {
    const result = await run(['rollback', 'config', 'fraud-api', '--env', 'prod', '--deploy-repo', trail]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('  prod: fraud-api back from 1.5.0 to 1.4.0 (canary 1.5.0 at 10 %), as deployed in #3 at seq 1\n');
    expect(result.out).toContain('Title: Roll back fraud-api in prod to 1.4.0 (canary 1.5.0 at 10 %) (deploy seq 1)');
    expect(result.out).toContain(`- Undoes #4 at seq 3 (source <code>${promoted.slice(0, 12)}</code>`);
    expect(await branchFile('mlops/rollback-fraud-api-prod-to-seq-1')).toBe(FRAUD_TEAM_FILE);
    expect((await simpleGit(config).revparse(['HEAD'])).trim()).toBe(promoted);
    expect(await readFile(join(config, 'config/teams/fraud/mlops.yaml'), 'utf8')).toBe(PROMOTED_TEXT);
  });

  it('refuses what it cannot do', async () => {
    const same = await run(['rollback', 'config', 'fraud-api', '--env', 'prod', '--to', '3', '--deploy-repo', trail]);
    expect(same.code).toBe(1);
    expect(same.err).toContain('refused (ML813): deployments.fraud-api.environments.prod is already as it was at deploy seq 3');
    const event = await run(['rollback', 'config', 'fraud-api', '--env', 'prod', '--to', '2', '--deploy-repo', trail]);
    expect(event.err).toContain('refused (ML810): Audit entry 2 is a `synced` event, not a deploy.');
    const unknown = await run(['rollback', 'config', 'fraud-ap', '--env', 'prod', '--deploy-repo', trail]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('refused (ML801): No team declares a deployment `fraud-ap`.\n  hint: Did you mean `fraud-api`?');
    expect((await run(['rollback', 'config', 'fraud-api', '--env', 'prod', '--to', 'x', '--deploy-repo', trail])).code).toBe(2);
  });

  it('exits 2 when the config repo lacks the source commit of the deploy', async () => {
    const foreign = await trailRepo([
      { event: 'deploy', time: hoursAgo(40), sha: 'f'.repeat(40), changes: [{ environment: 'prod', version: '1.4.0' }] },
      { event: 'deploy', time: hoursAgo(2), sha: promoted, changes: [{ environment: 'prod', version: '1.5.0' }] },
    ]);
    const result = await run(['rollback', 'config', 'fraud-api', '--env', 'prod', '--deploy-repo', foreign]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`The config repo has no commit ${'f'.repeat(40)}`);
  });
});
