import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditEntry, auditFilePath, chainEntry, serializeEntry } from '../../../compiler/audit/audit-entry.ts';
import { main } from '../../../compiler/cli/main.ts';
import { captureIO } from '../capture-io.ts';
import { smallOrg, teamFile } from '../../plan/support/small-org.ts';
import { bareRepo, commitsOf, configRepo, editBare, removeTempDirs, tempDir } from './support/git-repos.ts';

afterEach(removeTempDirs);

async function run(cwd: string, ...argv: string[]) {
  const captured = captureIO(cwd, { USER: 'tester' });
  const code = await main(argv, captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

async function deployedRepos() {
  const config = await configRepo(smallOrg(['fraud', 'search']));
  const deployRepo = await bareRepo();
  const first = await run(config.dir, 'deploy', '.', '--to', deployRepo, '--pr', '3', '--approved-by', 'bob');
  expect(first).toMatchObject({ code: 0, err: '' });
  await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') }, 'fraud: dev to 1.1.0');
  const second = await run(config.dir, 'deploy', '.', '--to', deployRepo, '--actor', 'carol');
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/deployed [0-9a-f]{12} to .* as [0-9a-f]{12}: audit entry #2, \d+ file\(s\) written, 0 deleted, incremental\./);
  return { config, deployRepo };
}

describe('mlops deploy and mlops audit', () => {
  it('deploys, says a redeploy has nothing to do, and verifies the trail', async () => {
    const { config, deployRepo } = await deployedRepos();
    expect((await run(config.dir, 'deploy', '.', '--to', deployRepo)).out).toMatch(/is already deployed \(deploy commit [0-9a-f]{12}\); nothing to do/);
    const verified = await run(config.dir, 'audit', 'verify', deployRepo);
    expect(verified).toMatchObject({ code: 0, out: '✔ audit trail intact: 2 entries, chain verified to #2, 2 deploy commit(s) match their entries.\n' });
    const [latest] = await commitsOf(deployRepo);
    expect(latest!.message).toMatch(/\nMlops-Source-Sha: [0-9a-f]{40}\nMlops-Source-Repo: mlops-config-\w+\nMlops-Author: Test\nMlops-Audit-Seq: 2\nMlops-Event: deploy\n$/);
  });

  it('names a tampered line and lists entries with filters', async () => {
    const { config, deployRepo } = await deployedRepos();
    const path = auditFilePath(new Date().toISOString());
    await editBare(deployRepo, async (dir) => {
      const lines = (await readFile(join(dir, path), 'utf8')).split('\n');
      lines[0] = lines[0]!.replace('"approvers":["bob"]', '"approvers":["mallory"]');
      await writeFile(join(dir, path), lines.join('\n'));
    });
    const verified = await run(config.dir, 'audit', 'verify', deployRepo);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain(`${path}:1 edited (entry 1): Entry 1 was edited`);
    const log = await run(config.dir, 'audit', 'log', deployRepo, '--team', 'search', '--format', 'json');
    expect(JSON.parse(log.out).map((entry: { seq: number }) => entry.seq)).toEqual([1]);
    const human = await run(config.dir, 'audit', 'log', deployRepo, '--team', 'fraud', '--model', 'fraud-model');
    expect(human.out).toContain('changed fraud/fraud-api in dev: 1.0.0 → 1.1.0');
  });

  it('rejects bad usage with exit 2 and one line', async () => {
    const config = await configRepo(smallOrg(['fraud']));
    expect(await run(config.dir, 'deploy', '.')).toMatchObject({ code: 2, err: expect.stringContaining('needs --to') });
    expect(await run(config.dir, 'deploy', '.', '--to', '/nonexistent', '--event', 'yolo')).toMatchObject({ code: 2 });
    expect(await run(config.dir, 'audit', 'frobnicate', '.')).toMatchObject({ code: 2 });
    expect(await run(config.dir, 'audit', 'log', await bareRepo(), '--since', 'yesterday')).toMatchObject({ code: 2 });
  });

  it('names a missing or unreadable repo as the user wrote it: exit 2, one line, never an internal error', async () => {
    const config = await configRepo(smallOrg(['fraud']));
    const plain = await tempDir('not-a-repo');
    const line = (text: string) => ({ code: 2, out: '', err: `mlops: ${text}\n` });
    expect(await run(config.dir, 'deploy', 'missing-config', '--to', await bareRepo())).toEqual(line('No such directory: missing-config'));
    expect(await run(plain, 'deploy', '.', '--to', await bareRepo())).toEqual(line(`Not a git repository: ${plain} (mlops deploy renders a commit of the config repo).`));
    expect(await run(config.dir, 'deploy', '.', '--to', 'missing-deploy-repo')).toEqual(line('No such deploy repo: missing-deploy-repo (a git repo folder, a bare repo will do, or a git URL).'));
    expect(await run(config.dir, 'audit', 'verify', 'missing-deploy-repo')).toEqual(line('No such deploy repo: missing-deploy-repo (a git repo folder, a bare repo will do, or a git URL).'));
    const unreadable = await run(config.dir, 'audit', 'log', plain);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toMatch(new RegExp(`^mlops: Cannot read the deploy repo ${plain}: git fetch failed \\(.+\\)\\.\n$`));
  });
});

describe('records of superseded merges and waivers, through mlops audit', () => {
  const DIGEST = `digest: "sha256:${'ab'.repeat(32)}", `;
  /** The fraud team serving 1.1.0 (without a digest) in dev under a waiver of ml/model-digest, valid 30 more days. */
  function waivedFraud(): string {
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const text = teamFile('fraud', '1.1.0', `policies:\n  waivers:\n    - { rule: ml/model-digest, target: models/fraud-model, justification: "registry migration pending", ticket: SEC-9, approvedBy: "@sec-lead", expires: "${expires}" }\n`);
    const second = text.indexOf(DIGEST, text.indexOf(DIGEST) + 1);
    return text.slice(0, second) + text.slice(second + DIGEST.length);
  }

  it('an older commit deployed after a newer one gets its own entry naming the including deploy commit; verify checks that commit', async () => {
    const config = await configRepo(smallOrg(['fraud', 'search']));
    const deployRepo = await bareRepo();
    expect((await run(config.dir, 'deploy', '.', '--to', deployRepo)).code).toBe(0);
    const older = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') }, 'PR 4');
    await config.commit({ 'teams/search/mlops.yaml': teamFile('search', '1.1.0') }, 'PR 5');
    expect((await run(config.dir, 'deploy', '.', '--to', deployRepo, '--pr', '5')).code).toBe(0);
    const [including] = await commitsOf(deployRepo);
    const recorded = await run(config.dir, 'deploy', '.', '--to', deployRepo, '--ref', older, '--pr', '4', '--approved-by', 'bob');
    expect(recorded).toMatchObject({ code: 0, err: '' });
    expect(recorded.out).toContain(`which includes it (deploy commit ${including!.sha.slice(0, 12)}): recorded as audit entry #3`);
    expect(await run(config.dir, 'audit', 'verify', deployRepo)).toMatchObject({ code: 0, out: '✔ audit trail intact: 3 entries, chain verified to #3, 2 deploy commit(s) match their entries.\n' });
    const log = await run(config.dir, 'audit', 'log', deployRepo, '--event', 'deploy', '--team', 'fraud');
    expect(log.out).toContain(`PR #4`);
    expect(log.out).toContain('approved by bob');
    expect(log.out).toContain(`included in deploy commit ${including!.sha.slice(0, 12)}`);

    // A record (re-chained, so the hashes hold) naming a commit that deployed nothing is named by verify.
    const path = auditFilePath(new Date().toISOString());
    await editBare(deployRepo, async (dir) => {
      const lines = (await readFile(join(dir, path), 'utf8')).trimEnd().split('\n');
      const last = JSON.parse(lines.at(-1)!) as AuditEntry;
      const { seq: _seq, prev: _prev, hash: _hash, ...rest } = last;
      lines.push(serializeEntry(chainEntry({ ...rest, deploy: { ...rest.deploy, includedIn: 'f'.repeat(40) } }, last)));
      await writeFile(join(dir, path), `${lines.join('\n')}\n`);
    });
    const dangling = await run(config.dir, 'audit', 'verify', deployRepo);
    expect(dangling.code).toBe(1);
    expect(dangling.out).toContain(`${path}:4 dangling-include (entry 4): Entry 4 says it was deployed by ${'f'.repeat(40)}, which is not a deploy commit of this branch.`);
  });

  it('each waiver a deploy relies on is a waiver-used entry that audit log finds; cutting it off is caught', async () => {
    const config = await configRepo(smallOrg(['fraud', 'search']));
    const deployRepo = await bareRepo();
    expect((await run(config.dir, 'deploy', '.', '--to', deployRepo)).code).toBe(0);
    await config.commit({ 'teams/fraud/mlops.yaml': waivedFraud() }, 'fraud: 1.1.0 under a waiver');
    const deployed = await run(config.dir, 'deploy', '.', '--to', deployRepo, '--pr', '6', '--approved-by', 'sec-lead');
    expect(deployed).toMatchObject({ code: 0, err: '' });
    expect((await commitsOf(deployRepo))[0]!.message).toContain('\nMlops-Audit-Seq: 2\nMlops-Audit-Last-Seq: 3\n');
    const used = await run(config.dir, 'audit', 'log', deployRepo, '--event', 'waiver-used', '--format', 'json');
    expect(JSON.parse(used.out)).toEqual([expect.objectContaining({ seq: 3, event: 'waiver-used', teams: ['fraud'], waiver: expect.objectContaining({ rule: 'ml/model-digest', target: 'models/fraud-model', approvedBy: '@sec-lead', ticket: 'SEC-9', justification: 'registry migration pending' }), approvers: ['sec-lead'] })]);
    const human = await run(config.dir, 'audit', 'log', deployRepo, '--event', 'waiver-used');
    expect(human.out).toContain('waiver ml/model-digest on fraud/models/fraud-model granted by @sec-lead (SEC-9), expires');
    expect(await run(config.dir, 'audit', 'verify', deployRepo)).toMatchObject({ code: 0, out: '✔ audit trail intact: 3 entries, chain verified to #3, 2 deploy commit(s) match their entries.\n' });
    const path = auditFilePath(new Date().toISOString());
    await editBare(deployRepo, async (dir) => {
      const lines = (await readFile(join(dir, path), 'utf8')).trimEnd().split('\n');
      await writeFile(join(dir, path), `${lines.slice(0, -1).join('\n')}\n`);
    });
    const cut = await run(config.dir, 'audit', 'verify', deployRepo);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('truncated (entry 3): Entries 3 were removed from the end');
  });
});

describe('signed deploy commits', () => {
  const exec = promisify(execFile);

  it('signs with an SSH key and verify checks every audit commit against the allowed signers', async () => {
    const keys = await tempDir('keys');
    const key = join(keys, 'deploy_ed25519');
    await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'mlops-deploy', '-f', key]);
    const signers = join(keys, 'allowed_signers');
    await writeFile(signers, `mlops@localhost ${(await readFile(`${key}.pub`, 'utf8')).trim()}\n`);
    const config = await configRepo(smallOrg(['fraud']));
    const deployRepo = await bareRepo();
    expect((await run(config.dir, 'deploy', '.', '--to', deployRepo, '--signing-key', key)).code).toBe(0);
    const verified = await run(config.dir, 'audit', 'verify', deployRepo, '--allowed-signers', signers);
    expect(verified).toMatchObject({ code: 0, out: expect.stringContaining('1 entries, chain verified to #1, 1 deploy commit(s) match their entries, 1 audit commit(s) signed by allowed signers') });
    await editBare(deployRepo, (dir) => writeFile(join(dir, auditFilePath(new Date().toISOString())), ''), 'remove the trail');
    const tampered = await run(config.dir, 'audit', 'verify', deployRepo, '--allowed-signers', signers);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatch(/truncated \(entry 1\)/);
    expect(tampered.out).toMatch(/commit [0-9a-f]{12} \(remove the trail\): signature not signed/);
  });
});
