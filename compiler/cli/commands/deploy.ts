/**
 * `mlops deploy <config-repo> --to <deploy-repo>`: what the bot does on merge, locally. Renders the
 * config repo at `--ref` (default HEAD) — only the teams changed since the deployed SHA — and pushes
 * ONE commit to the deploy repo's branch (platform.yaml `gitops.branch`): manifests, deploy state and a
 * hash-chained audit entry, with trailers naming the source. Redeploying a SHA is a no-op; an older
 * SHA never overwrites a newer one; hand-edited generated files make it refuse.
 */
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { sanitizeLine } from '../../deploy/commit-trailers.ts';
import { deployBranchOf } from '../../deploy/deploy-branch.ts';
import { deployEventOf, isDeployEvent } from '../../deploy/deploy-event.ts';
import { describeDrift } from '../../deploy/find-drift.ts';
import { type CliCommand, type CliInput, UsageError } from '../command.ts';
import { LocalConfigSource } from '../deploy/config-source.ts';
import { branchOption, deployRepoLocation, withDeployRepo } from '../deploy/open-deploy-repo.ts';
import { assertDirectory } from '../fs-source.ts';
import { DeployRaceLostError, runDeploy } from '../deploy/run-deploy.ts';
import { formatDiagnostics } from '../format/diagnostics.ts';
import { directoryArgument, wantsColor } from './validate.ts';
import { basename, resolve } from 'node:path';

function stringOption(input: CliInput, name: string): string | undefined {
  const value = input.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value.trim();
}

function listOption(input: CliInput, name: string): string[] {
  const value = input.values[name];
  const values = value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
  return values.flatMap((entry) => entry.split(',')).map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

/** The `deploy` command. */
export const command: CliCommand = {
  name: 'deploy',
  summary: 'Render a config commit and push it to the deploy repo as one commit with an audit entry (what the bot does on merge).',
  usage: [
    'Usage: mlops deploy [config-repo] --to <deploy-repo> [--ref <sha>] [--actor <login>] [--branch B]',
    '                    [--source-repo owner/name] [--pr N] [--approved-by login,…] [--event deploy|rollback|promotion] [--signing-key <key>]',
    '                    [--allowed-signers <file>]',
    '',
    '  config-repo    git work tree of the config repo (default: the current directory)',
    '  --to           the deploy repo: a path (a bare repo will do) or a git URL',
    '  --ref          the config commit to deploy (default: HEAD)',
    '  --actor        who deploys (default: $USER)',
    '  --branch       deploy repo branch (default: platform.yaml gitops.branch, else main)',
    '  --source-repo  owner/name of the config repo in trailers and the audit trail (default: the folder name)',
    '  --pr           the pull request that merged the commit, for the trailers and the audit entry',
    '  --approved-by  approving reviewers of that PR (repeat or comma-separate)',
    '  --event        record a rollback or promotion (default: the commit\'s Mlops-Event trailer, else deploy)',
    '  --signing-key  SSH key to sign the deploy commit with (git gpg.format=ssh)',
    '  --allowed-signers  SSH allowed-signers file: the last deploy commit must be signed by one of them, else its changes count as drift',
    '',
    'Exit codes: 0 deployed (or nothing to do), 1 refused (render errors, hand-edited files), 2 usage or I/O error.',
  ].join('\n'),
  options: {
    to: { type: 'string' },
    ref: { type: 'string' },
    actor: { type: 'string' },
    branch: { type: 'string' },
    'source-repo': { type: 'string' },
    pr: { type: 'string' },
    'approved-by': { type: 'string', multiple: true },
    event: { type: 'string' },
    'signing-key': { type: 'string' },
    'allowed-signers': { type: 'string' },
  },
  async run(input, io) {
    const to = stringOption(input, 'to');
    if (to === undefined) throw new UsageError('mlops deploy needs --to <deploy-repo>.');
    const dir = directoryArgument(input, io, 'deploy');
    const event = stringOption(input, 'event');
    if (event !== undefined && !isDeployEvent(event)) throw new UsageError(`--event must be deploy, rollback or promotion; got "${event}".`);
    const prText = stringOption(input, 'pr');
    const pullRequest = prText === undefined ? undefined : Number(prText);
    if (pullRequest !== undefined && !(Number.isSafeInteger(pullRequest) && pullRequest > 0)) throw new UsageError(`--pr must be a pull request number; got "${prText}".`);
    await assertDirectory(dir.absolute, dir.given);
    const source = new LocalConfigSource(dir.absolute);
    const commit = await source.commit(stringOption(input, 'ref') ?? 'HEAD');
    const tree = await source.treeAt(commit.sha);
    const branch = branchOption(input.values.branch, deployBranchOf(tree));
    const actor = stringOption(input, 'actor') ?? io.env.USER ?? 'local';
    const signingKey = stringOption(input, 'signing-key');
    const signersOption = stringOption(input, 'allowed-signers');
    const allowedSignersFile = signersOption === undefined ? undefined : resolve(io.cwd, signersOption);
    const location = deployRepoLocation(to, io.cwd);
    const color = wantsColor(io);
    const metadata = {
      sourceRepo: sanitizeLine(stringOption(input, 'source-repo') ?? basename(dir.absolute), 140),
      sha: commit.sha,
      ...(pullRequest !== undefined ? { pullRequest } : {}),
      author: sanitizeLine(commit.authorName, 100) || 'unknown',
      reviews: listOption(input, 'approved-by').map((reviewer) => ({ reviewer })),
      actor,
      event: event ?? deployEventOf({ commitMessage: commit.message }),
    };
    const result = await withDeployRepo({ url: location, branch, ...(signingKey ? { signingKey } : {}), ...(allowedSignersFile ? { allowedSignersFile } : {}) }, (target) => runDeploy({ source, target, metadata }), to).catch((error: unknown) => {
      if (error instanceof DeployRaceLostError) throw new UsageError(error.message);
      if (error instanceof Error && /^git push .* failed/.test(error.message)) throw new UsageError(error.message);
      throw error;
    });
    const ok = (text: string) => (color ? `\u001b[32m${text}\u001b[0m` : text);
    switch (result.status) {
      case 'deployed':
        io.stdout(`${ok('✔')} deployed ${short(commit.sha)} to ${to} (${branch}) as ${short(result.commit)}: audit entry #${result.entry.seq}, ${result.files.written} file(s) written, ${result.files.deleted} deleted${result.incremental ? ', incremental' : ', full render'}${result.attempts > 1 ? `, after ${result.attempts - 1} retr${result.attempts === 2 ? 'y' : 'ies'}` : ''}.\n`);
        return 0;
      case 'already-deployed':
        io.stdout(`${ok('✔')} ${short(commit.sha)} is already deployed${result.commit ? ` (deploy commit ${short(result.commit)})` : ''}; nothing to do.\n`);
        return 0;
      case 'superseded':
        io.stdout(`${ok('✔')} ${short(commit.sha)} is older than the deployed ${short(result.deployedSha)}, which includes it (deploy commit ${short(result.includedIn)}): recorded as audit entry #${result.entry.seq} in ${short(result.commit)}, no manifests changed.\n`);
        return 0;
      case 'refused': {
        const { outcome } = result;
        if (outcome.reason === 'render-errors' && hasErrors(outcome.diagnostics)) io.stdout(formatDiagnostics(outcome.diagnostics, tree, { color, format: 'human', pathPrefix: dir.display === '' ? '' : `${dir.display}/` }));
        for (const file of outcome.drift) io.stdout(`  ${describeDrift(file)}\n`);
        io.stderr(`✖ ${result.entry.message ?? 'Deploy refused.'} Recorded as audit entry #${result.entry.seq} (deploy-failed) in ${short(result.commit)}.\n`);
        return 1;
      }
    }
  },
};
