/**
 * Drift detection against the audit trail, with real git repos: a deploy commit is trusted only when
 * a trusted audit entry records its rendered tree (and, with allowed signers, when it is signed), so
 * hand edits are found whatever trailers they carry, and `mlops audit verify` names forged deploy
 * commits and forged audit lines.
 */
import { execFile } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleGit } from 'simple-git';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditEntry, chainEntry, serializeEntry } from '../../compiler/audit/audit-entry.ts';
import { LocalConfigSource } from '../../compiler/cli/deploy/config-source.ts';
import { GitDeployTarget } from '../../compiler/cli/deploy/git-deploy-target.ts';
import { runDeploy } from '../../compiler/cli/deploy/run-deploy.ts';
import { main } from '../../compiler/cli/main.ts';
import { gitBlobId, isGeneratedPath, renderedTreeHash } from '../../compiler/deploy/deploy-state.ts';
import { captureIO } from '../cli/capture-io.ts';
import { bareRepo, commitsOf, configRepo, fileAt, removeTempDirs, tempDir } from '../cli/deploy/support/git-repos.ts';
import { smallOrg, teamFile } from '../plan/support/small-org.ts';

afterEach(removeTempDirs);

const TIME = '2026-12-02T08:00:00.000Z';
const TRAIL = 'audit/2026-12.jsonl';
const EDITED = 'clusters/dev-eu/search/namespace-search-dev.yaml';

interface Setup {
  readonly config: Awaited<ReturnType<typeof configRepo>>;
  readonly deployRepo: string;
  readonly second: string;
  readonly deployTo: (sha: string, options?: { allowedSignersFile?: string; signingKey?: string }) => ReturnType<typeof runDeploy>;
}

async function setup(signing: { signingKey?: string } = {}): Promise<Setup> {
  const config = await configRepo(smallOrg(['fraud', 'search']));
  const deployRepo = await bareRepo();
  const source = new LocalConfigSource(config.dir);
  const deployTo: Setup['deployTo'] = async (sha, options = {}) =>
    runDeploy({ source, target: new GitDeployTarget({ url: deployRepo, branch: 'main', cacheDir: await tempDir('cache'), ...signing, ...options }), metadata: { sourceRepo: 'acme/config', sha, reviews: [{ reviewer: 'bob' }], actor: 'carol', author: 'alice', time: TIME } });
  expect((await deployTo(config.first)).status).toBe('deployed');
  const second = await config.commit({ 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') }, 'fraud dev 1.1.0');
  return { config, deployRepo, second, deployTo };
}

/** Trailers a forger copies from a real deploy commit. */
function forgedMessage(sourceSha: string, seq: number): string {
  return `deploy: acme/config@${sourceSha.slice(0, 12)}\n\nMlops-Source-Sha: ${sourceSha}\nMlops-Source-Repo: acme/config\nMlops-Audit-Seq: ${seq}\nMlops-Event: deploy\n`;
}

/** One commit on the deploy repo's main, made in a clone with simple-git; returns its SHA. */
async function handCommit(deployRepo: string, message: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = await tempDir('hand');
  await simpleGit(dir).clone(deployRepo, '.');
  const git = simpleGit(dir).addConfig('user.name', 'Mallory').addConfig('user.email', 'mallory@example.com').addConfig('commit.gpgsign', 'false');
  await edit(dir);
  await git.add(['-A']);
  await git.commit(message);
  await git.push('origin', 'HEAD:main');
  return (await git.revparse(['HEAD'])).trim();
}

/** The generated tree's blob ids in a clone's work tree after `edit` (for a forger's tree hash). */
async function generatedBlobs(dir: string, changed: Readonly<Record<string, string>>): Promise<Map<string, string>> {
  const listing = await simpleGit(dir).raw(['ls-tree', '-r', '-z', 'HEAD']);
  const blobs = new Map<string, string>();
  for (const record of listing.split('\0').filter((text) => text !== '')) {
    const [meta = '', path = ''] = record.split('\t');
    if (isGeneratedPath(path)) blobs.set(path, meta.split(' ')[2]!);
  }
  for (const [path, content] of Object.entries(changed)) blobs.set(path, gitBlobId(content));
  return blobs;
}

async function lastEntryOf(dir: string): Promise<AuditEntry> {
  const lines = (await readFile(join(dir, TRAIL), 'utf8')).trim().split('\n');
  return JSON.parse(lines.at(-1)!) as AuditEntry;
}

async function auditVerify(deployRepo: string, ...extra: string[]) {
  const captured = captureIO(await tempDir('cwd'));
  const code = await main(['audit', 'verify', deployRepo, ...extra], captured.io);
  return { code, out: captured.out() };
}

describe('drift detection trusts the audit trail, not trailers', () => {
  it('finds a plain hand edit and refuses to overwrite it', async () => {
    const { deployRepo, second, deployTo } = await setup();
    await handCommit(deployRepo, 'tweak a namespace', (dir) => appendFile(join(dir, EDITED), '# edited\n'));
    const result = await deployTo(second);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') throw new Error('unreachable');
    expect(result.outcome.drift).toEqual([{ path: EDITED, kind: 'edited' }]);
    expect(await fileAt(deployRepo, EDITED)).toContain('# edited');
  });

  it('finds a hand edit whose commit carries forged deploy trailers, and names that commit', async () => {
    const { config, deployRepo, second, deployTo } = await setup();
    // The forger copies the trailers of the real deploy commit (seq 1, the first source commit).
    const forged = await handCommit(deployRepo, forgedMessage(config.first, 1), (dir) => appendFile(join(dir, EDITED), '# edited\n'));
    const result = await deployTo(second);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') throw new Error('unreachable');
    expect(result.outcome.drift).toEqual([{ path: EDITED, kind: 'edited', forgedBy: forged }]);
    expect(result.entry.message).toMatch(/were changed by hand/);
    expect((await commitsOf(deployRepo))[0]!.message).toContain(`edited by hand: ${EDITED} (in commit ${forged.slice(0, 12)}, whose deploy trailers no audit entry backs)`);
    const verified = await auditVerify(deployRepo);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain(`commit ${forged.slice(0, 12)} (deploy: acme/config@${config.first.slice(0, 12)}): forged deploy trailers: its generated files are not the tree audit entry 1 records`);
  });

  it('does not take a forged claim to have deployed a source commit as a reason to skip it', async () => {
    const { deployRepo, second, deployTo } = await setup();
    // Claims `second` is deployed: trailers and the deploy state say so, no audit entry does.
    const forged = await handCommit(deployRepo, forgedMessage(second, 2), async (dir) => {
      const state = JSON.parse(await readFile(join(dir, '.mlops/deploy-state.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(join(dir, '.mlops/deploy-state.json'), `${JSON.stringify({ ...state, sourceSha: second }, null, 2)}\n`);
      await appendFile(join(dir, EDITED), '# edited\n');
    });
    const result = await deployTo(second);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') throw new Error('unreachable');
    expect(result.outcome.drift).toEqual([
      { path: '.mlops/deploy-state.json', kind: 'edited', forgedBy: forged },
      { path: EDITED, kind: 'edited', forgedBy: forged },
    ]);
    // Entry 2 is the refusal just recorded, not a deploy of `second`.
    const verified = await auditVerify(deployRepo);
    expect(verified.out).toContain(`commit ${forged.slice(0, 12)} (deploy: acme/config@${second.slice(0, 12)}): forged deploy trailers: audit entry 2 is a deploy-failed, not a deploy`);
  });

  it('finds a hand edit behind forged trailers and a forged audit line; audit verify names the line', async () => {
    const { config, deployRepo, second, deployTo } = await setup();
    const forged = await handCommit(deployRepo, forgedMessage(config.first, 2), async (dir) => {
      const content = `${await readFile(join(dir, EDITED), 'utf8')}# edited\n`;
      const previous = await lastEntryOf(dir);
      await writeFile(join(dir, EDITED), content);
      // A copy of entry 1 claiming the edited tree; its hash is not recomputed, so the chain breaks.
      const line = { ...previous, seq: 2, prev: previous.hash, deploy: { ...previous.deploy, treeHash: renderedTreeHash(await generatedBlobs(dir, { [EDITED]: content })) } };
      await appendFile(join(dir, TRAIL), `${serializeEntry(line)}\n`);
    });
    const result = await deployTo(second);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') throw new Error('unreachable');
    expect(result.outcome.drift).toEqual([{ path: EDITED, kind: 'edited', forgedBy: forged }]);
    const verified = await auditVerify(deployRepo);
    expect(verified.code).toBe(1);
    expect(verified.out).toMatch(/^audit\/2026-12\.jsonl:2 edited \(entry 2\): Entry 2 was edited: its content no longer matches its hash\.$/m);
    expect(verified.out).toContain(`commit ${forged.slice(0, 12)}`);
  });
});

describe('signed-commit mode', () => {
  async function keys() {
    const dir = await tempDir('keys');
    const key = join(dir, 'deploy_ed25519');
    await promisify(execFile)('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'mlops-deploy', '-f', key]);
    const signers = join(dir, 'allowed_signers');
    await writeFile(signers, `mlops@localhost ${(await readFile(`${key}.pub`, 'utf8')).trim()}\n`);
    return { key, signers };
  }

  /** A forger who recomputes the chain: trailers, audit line and tree hash all consistent, only the signature missing. */
  async function perfectForgery(deployRepo: string, sourceSha: string): Promise<string> {
    return handCommit(deployRepo, forgedMessage(sourceSha, 2), async (dir) => {
      const content = `${await readFile(join(dir, EDITED), 'utf8')}# edited\n`;
      const previous = await lastEntryOf(dir);
      await writeFile(join(dir, EDITED), content);
      const { seq: _seq, prev: _prev, hash: _hash, ...rest } = previous;
      const entry = chainEntry({ ...rest, deploy: { ...previous.deploy, treeHash: renderedTreeHash(await generatedBlobs(dir, { [EDITED]: content })) } }, previous);
      await appendFile(join(dir, TRAIL), `${serializeEntry(entry)}\n`);
    });
  }

  it('requires the deploy commit to be signed by an allowed signer; an unsigned, otherwise perfect forgery is drift', async () => {
    const { key, signers } = await keys();
    const { config, deployRepo, second, deployTo } = await setup({ signingKey: key });
    const forged = await perfectForgery(deployRepo, config.first);
    const result = await deployTo(second, { allowedSignersFile: signers });
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') throw new Error('unreachable');
    expect(result.outcome.drift).toEqual([{ path: EDITED, kind: 'edited', forgedBy: forged }]);
    const verified = await auditVerify(deployRepo, '--allowed-signers', signers);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain(`commit ${forged.slice(0, 12)} (deploy: acme/config@${config.first.slice(0, 12)}): forged deploy trailers: not signed`);
  });

  it('without allowed signers, such a forgery is indistinguishable from a deploy (what signing is for)', async () => {
    const { config, deployRepo, second, deployTo } = await setup();
    await perfectForgery(deployRepo, config.first);
    expect((await deployTo(second)).status).toBe('deployed');
  });

  it('signed deploys pass: drift detection and audit verify accept them', async () => {
    const { key, signers } = await keys();
    const { deployRepo, second, deployTo } = await setup({ signingKey: key });
    expect((await deployTo(second, { allowedSignersFile: signers })).status).toBe('deployed');
    expect(await auditVerify(deployRepo, '--allowed-signers', signers)).toMatchObject({ code: 0, out: expect.stringContaining('2 deploy commit(s) match their entries, 2 audit commit(s) signed by allowed signers') });
  });
});
