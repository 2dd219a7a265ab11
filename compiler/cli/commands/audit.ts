/**
 * `mlops audit verify <deploy-repo>` and `mlops audit log <deploy-repo>`: check the deploy repo's
 * hash-chained audit trail (naming every edited, removed, inserted or reordered entry, and, with
 * `--allowed-signers`, every audit commit without a good SSH signature), every commit whose deploy
 * trailers no audit entry backs (a forgery), or list its entries.
 */
import type { AuditEntry, AuditEventKind } from '../../audit/audit-entry.ts';
import { filterTrail, type TrailFilter } from '../../audit/filter-trail.ts';
import { parseTrail, type TrailLine, trailEntries } from '../../audit/parse-trail.ts';
import { type TrailProblem, verifyTrail } from '../../audit/verify-trail.ts';
import { sanitizeLine } from '../../deploy/commit-trailers.ts';
import { type CliCommand, type CliInput, type CliIO, UsageError } from '../command.ts';
import { highestAuditSeq, includedInProblems, verifyAuditSignatures, verifyDeployClaims } from '../deploy/deploy-history.ts';
import type { GitDeployTarget } from '../deploy/git-deploy-target.ts';
import { branchOption, deployRepoLocation, withDeployRepo } from '../deploy/open-deploy-repo.ts';
import { formatOption, wantsColor } from './validate.ts';
import { resolve } from 'node:path';

const EVENTS: readonly AuditEventKind[] = ['deploy', 'deploy-failed', 'synced', 'degraded', 'rollback', 'promotion', 'waiver-used'];

function text(input: CliInput, name: string): string | undefined {
  const value = input.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value.`);
  return value.trim();
}

function filterOf(input: CliInput): TrailFilter {
  const since = text(input, 'since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) throw new UsageError(`--since must be a date (YYYY-MM-DD) or an ISO time; got "${since}".`);
  const event = text(input, 'event');
  if (event !== undefined && !(EVENTS as readonly string[]).includes(event)) throw new UsageError(`--event must be one of ${EVENTS.join(', ')}; got "${event}".`);
  const team = text(input, 'team');
  const model = text(input, 'model');
  const environment = text(input, 'env');
  return { ...(team ? { team } : {}), ...(model ? { model } : {}), ...(environment ? { environment } : {}), ...(event ? { event: event as AuditEventKind } : {}), ...(since ? { since } : {}) };
}

/** One entry as a few readable lines. */
export function describeEntry(entry: AuditEntry): string {
  const source = entry.source;
  const head = `#${entry.seq} ${entry.time} ${entry.event} by ${entry.actor}: ${source.repo}@${source.sha.slice(0, 12)}${source.pr !== undefined ? ` PR #${source.pr}` : ''}${source.author ? ` (author ${source.author})` : ''}`;
  const lines = [head];
  if (entry.approvers.length > 0) lines.push(`  approved by ${entry.approvers.join(', ')}`);
  if (entry.deploy.includedIn) lines.push(`  included in deploy commit ${entry.deploy.includedIn.slice(0, 12)} (a newer merge deployed it; this records the merge and its approvals)`);
  if (entry.waiver) {
    const waiver = entry.waiver;
    lines.push(`  waiver ${waiver.rule} on ${waiver.team}/${waiver.target}${waiver.approvedBy ? ` granted by ${waiver.approvedBy}` : ''}${waiver.ticket ? ` (${waiver.ticket})` : ''}, expires ${waiver.expires}${waiver.justification ? `: ${waiver.justification}` : ''}`);
  }
  if (entry.deploy.cluster) lines.push(`  cluster ${entry.deploy.cluster}${entry.deploy.commit ? `, deploy commit ${entry.deploy.commit.slice(0, 12)}` : ''}`);
  for (const change of entry.changes) {
    const version = change.versionBefore && change.versionBefore !== change.versionAfter ? `${change.versionBefore} → ${change.versionAfter ?? 'none'}` : (change.versionAfter ?? change.versionBefore ?? '');
    lines.push(`  ${change.action} ${change.team}/${change.deployment} in ${change.environment}: ${version}${change.canary ? `, canary ${change.canary.version} at ${change.canary.traffic}%` : ''}`);
  }
  if (entry.policy.waivers.length > 0 && !entry.waiver) lines.push(`  waivers: ${entry.policy.waivers.map((waiver) => `${waiver.rule} on ${waiver.team}/${waiver.target} (until ${waiver.expires})`).join('; ')}`);
  if (entry.message) lines.push(`  ${entry.message}`);
  return `${lines.map((line, index) => `${index === 0 ? '' : '  '}${sanitizeLine(line, 400)}`).join('\n')}\n`;
}

async function readTrail(target: GitDeployTarget) {
  const fetched = await target.fetch();
  if (fetched.tip === undefined) throw new UsageError(`${target.url} has no branch ${target.branch}: nothing deployed yet.`);
  return { tip: fetched.tip, lines: parseTrail(await target.readTrail(fetched.tip)) };
}

/** The entries no problem names (by file and line), by sequence number: the ones a deploy commit may be checked against. */
function intactEntries(lines: readonly TrailLine[], problems: readonly TrailProblem[]): Map<number, AuditEntry> {
  const named = new Set(problems.map((problem) => `${problem.file}:${problem.line}`));
  const entries = new Map<number, AuditEntry>();
  for (const line of lines) if (line.entry && !named.has(`${line.file}:${line.line}`) && !entries.has(line.entry.seq)) entries.set(line.entry.seq, line.entry);
  return entries;
}

async function verify(input: CliInput, io: CliIO, target: GitDeployTarget, allowedSigners: string | undefined): Promise<number> {
  const format = formatOption(input, ['human', 'json'], 'human');
  const { tip, lines } = await readTrail(target);
  const trailVerification = verifyTrail(lines, { expectedLastSeq: await highestAuditSeq(target.cacheDir, tip) });
  const dangling = await includedInProblems(target.cacheDir, tip, lines);
  const verification = dangling.length === 0 ? trailVerification : { ...trailVerification, ok: false, problems: [...trailVerification.problems, ...dangling] };
  const signatures = allowedSigners === undefined ? undefined : await verifyAuditSignatures(target.cacheDir, tip, allowedSigners);
  const deployCommits = await verifyDeployClaims(target.cacheDir, target, tip, intactEntries(lines, verification.problems), allowedSigners);
  const ok = verification.ok && (signatures?.problems.length ?? 0) === 0 && deployCommits.forged.length === 0;
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ ...verification, ok, ...(signatures ? { signatures } : {}), deployCommits }, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  const color = wantsColor(io);
  for (const problem of verification.problems) io.stdout(`${problem.file}${problem.line > 0 ? `:${problem.line}` : ''} ${problem.kind}${problem.seq !== undefined ? ` (entry ${problem.seq})` : ''}: ${sanitizeLine(problem.message, 400)}\n`);
  for (const problem of signatures?.problems ?? []) io.stdout(`commit ${problem.commit.slice(0, 12)} (${sanitizeLine(problem.subject, 80)}): signature ${sanitizeLine(problem.reason, 200)}\n`);
  for (const forged of deployCommits.forged) io.stdout(`commit ${forged.commit.slice(0, 12)} (${sanitizeLine(forged.subject, 80)}): forged deploy trailers: ${sanitizeLine(forged.reason, 200)}\n`);
  const signed = signatures ? `, ${signatures.checked} audit commit(s) signed by allowed signers` : '';
  if (ok) io.stdout(`${color ? '\u001b[32m✔\u001b[0m' : '✔'} audit trail intact: ${verification.entries} entries, chain verified to #${verification.lastSeq}, ${deployCommits.checked} deploy commit(s) match their entries${signed}.\n`);
  else io.stdout(`✖ audit trail NOT intact: ${verification.problems.length + (signatures?.problems.length ?? 0) + deployCommits.forged.length} problem(s).\n`);
  return ok ? 0 : 1;
}

async function log(input: CliInput, io: CliIO, target: GitDeployTarget): Promise<number> {
  const format = formatOption(input, ['human', 'json'], 'human');
  const filter = filterOf(input);
  const { lines } = await readTrail(target);
  const entries = filterTrail(trailEntries(lines), filter);
  if (format === 'json') io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  else io.stdout(entries.length === 0 ? 'No audit entries match.\n' : entries.map(describeEntry).join(''));
  return 0;
}

/** The `audit` command. */
export const command: CliCommand = {
  name: 'audit',
  summary: 'Verify the deploy repo\'s hash-chained audit trail (and commit signatures), or list its entries.',
  usage: [
    'Usage: mlops audit verify <deploy-repo> [--allowed-signers <file>] [--branch B] [--format human|json]',
    '       mlops audit log <deploy-repo> [--team T] [--model M] [--env E] [--event K] [--since DATE] [--branch B] [--format human|json]',
    '',
    '  deploy-repo        a path (a bare repo will do) or a git URL',
    '  --allowed-signers  an SSH allowed-signers file: every commit that changed audit/ must be signed by one of them',
    '  --branch           deploy repo branch (default: main)',
    '',
    'Exit codes: verify 0 intact, 1 problems found; log 0; 2 usage or I/O error.',
  ].join('\n'),
  options: {
    'allowed-signers': { type: 'string' },
    branch: { type: 'string' },
    format: { type: 'string' },
    team: { type: 'string' },
    model: { type: 'string' },
    env: { type: 'string' },
    event: { type: 'string' },
    since: { type: 'string' },
  },
  async run(input, io) {
    const [action, repo, ...rest] = input.positionals;
    if (action !== 'verify' && action !== 'log') throw new UsageError(`mlops audit needs \`verify\` or \`log\`; got ${action === undefined ? 'nothing' : `"${action}"`}.`);
    if (repo === undefined || rest.length > 0) throw new UsageError(`mlops audit ${action} takes one deploy repo.`);
    const branch = branchOption(input.values.branch, 'main');
    const signersOption = text(input, 'allowed-signers');
    if (action === 'log' && signersOption !== undefined) throw new UsageError('--allowed-signers belongs to `mlops audit verify`.');
    const allowedSigners = signersOption === undefined ? undefined : resolve(io.cwd, signersOption);
    const location = deployRepoLocation(repo, io.cwd);
    return withDeployRepo({ url: location, branch }, (target) => (action === 'verify' ? verify(input, io, target, allowedSigners) : log(input, io, target)), repo);
  },
};
