/**
 * `mlops demo`: a guided end-to-end run on a temporary copy of sample-repo/ — validate, catch a
 * mistake, compile, check policies, plan a canary shift in a temporary git repo, watch a policy
 * block a too-large canary, then merge and deploy to a temporary bare deploy repo and verify the
 * audit trail, try a promotion the audit trail does not allow yet, and open a rollback.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { packageFile } from '../package-layout.ts';
import { parseCommandArgs } from '../parse-args.ts';
import { command as audit } from './audit.ts';
import { writeDemoDashboard } from '../report/demo-dashboard.ts';
import { command as check } from './check.ts';
import { command as compile } from './compile.ts';
import { command as deploy } from './deploy.ts';
import { command as plan } from './plan.ts';
import { command as promote } from './promote.ts';
import { command as rollback } from './rollback.ts';
import { command as validate, wantsColor } from './validate.ts';

/** The sample org shipped with the repo. */
const SAMPLE_REPO = packageFile('sample-repo/');
/** Folder name of the copy, as paths in the output show it. */
const CONFIG = 'acme-config';
const FRAUD_FILE = 'teams/fraud/mlops.yaml';
const CANARY_TRAFFIC = /(?<=canary: \{ version: "1\.5\.0", traffic: )\d+(?= \})/;
/** The fraud team's waiver expiry in sample-repo/. */
const WAIVER_EXPIRY = /(?<=\n {6}expires: )\d{4}-\d{2}-\d{2}/;
/** Folder name of the bare deploy repo (what Argo CD would watch). */
const DEPLOY_REPO = 'acme-deploy.git';
/** Days ahead the tour moves that expiry: a fixed date in sample-repo/ lapses one day (and the platform allows at most 90). */
const WAIVER_DAYS_AHEAD = 60;

/** The date `days` from today, as YAML writes it (UTC). */
function dateFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** One step of the tour. */
interface Step {
  readonly title: string;
  readonly explain: string;
  readonly command: CliCommand;
  readonly args: readonly string[];
  /** Exit codes that mean the step showed what it should. */
  readonly expected: readonly number[];
  readonly before?: () => Promise<void>;
  readonly after?: () => Promise<void>;
}

async function editFile(path: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`bug: demo expected ${String(from)} in ${path}`);
  await writeFile(path, edited);
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

async function commitAll(dir: string, message: string): Promise<void> {
  const git = simpleGit(dir);
  await git.add('.');
  await git.commit(message);
}

/** Runs a command the way `main` would and says whether it exited as expected. */
async function runStep(step: Step, io: CliIO, index: number, total: number, color: boolean): Promise<boolean> {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const dim = (text: string) => (color ? `\u001b[2m${text}\u001b[0m` : text);
  io.stdout(`\n${bold(`━━ ${index}/${total} ${step.title} ━━`)}\n${dim(step.explain)}\n\n$ mlops ${step.command.name} ${step.args.join(' ')}\n`);
  await step.before?.();
  const input = parseCommandArgs(step.command, step.args);
  const code = await step.command.run({ positionals: input.positionals, values: input.values }, io);
  await step.after?.();
  const ok = step.expected.includes(code);
  io.stdout(dim(`→ exit ${code}${ok ? '' : ` (expected ${step.expected.join(' or ')})`}\n`));
  return ok;
}

/** Prints the newest commit of the deploy repo: subject, ML summary and trailers. */
async function showDeployCommit(root: string, io: CliIO): Promise<void> {
  const message = await simpleGit(join(root, DEPLOY_REPO)).raw(['log', '-1', '--format=%h %s%n%n%b']);
  io.stdout(`\n$ git -C ${DEPLOY_REPO} log -1\n${message.trimEnd()}\n`);
}

/** Merge → deploy → audit: the deploy repo is a bare repo standing in for GitHub (Argo CD would watch it). */
function deploySteps(root: string, io: CliIO): Step[] {
  const config = join(root, CONFIG);
  const fraudFile = join(config, FRAUD_FILE);
  return [
    {
      title: 'Merge is deploy: the first deploy',
      explain: `The merged config is rendered and pushed to the deploy repo (${DEPLOY_REPO}, a bare repo here) as ONE commit: manifests, deploy state and a hash-chained audit entry.`,
      command: deploy,
      args: [CONFIG, '--to', DEPLOY_REPO, '--actor', 'demo'],
      expected: [0],
      before: async () => {
        await editFile(fraudFile, CANARY_TRAFFIC, '10');
        await simpleGit(root).raw(['init', '--quiet', '--bare', '--initial-branch=main', DEPLOY_REPO]);
      },
    },
    {
      title: 'Merge the canary shift (PR #7) and deploy it',
      explain: 'Only the fraud team is re-rendered; the commit carries trailers linking it to the source commit, the PR, its author and approvers.',
      command: deploy,
      args: [CONFIG, '--to', DEPLOY_REPO, '--pr', '7', '--approved-by', 'fraud-lead,sre-oncall', '--actor', 'demo'],
      expected: [0],
      before: async () => {
        await editFile(fraudFile, CANARY_TRAFFIC, '20');
        await commitAll(config, 'fraud: canary 1.5.0 to 20 % in prod (#7)');
      },
      after: () => showDeployCommit(root, io),
    },
    { title: 'Verify the audit trail', explain: 'Every entry hash-chained to the one before: an edited, removed, inserted or reordered line would be named here.', command: audit, args: ['verify', DEPLOY_REPO], expected: [0] },
    { title: 'Read the audit trail', explain: 'Who changed what in prod, who approved, which waivers were relied on.', command: audit, args: ['log', DEPLOY_REPO, '--team', 'fraud', '--env', 'prod'], expected: [0] },
    {
      title: 'Promote fraud-detector 1.5.0 to prod: not yet',
      explain: 'prod declares `promotion: { from: staging, soak: 24h }`. Soak is measured from the audit trail: no Argo CD reports here, so 1.5.0 was never synced healthy in staging and the promotion is refused, with the reason.',
      command: promote,
      args: [CONFIG, 'fraud-api', '1.5.0', '--to', 'prod', '--deploy-repo', DEPLOY_REPO],
      expected: [1],
    },
    {
      title: 'Roll the canary shift back',
      explain: 'A rollback is a reviewed change like any other: a branch on the config repo restoring prod as it was at the deploy before #7 (canary 10 %), with the PR text saying what it undoes. Merging it deploys it.',
      command: rollback,
      args: [CONFIG, 'fraud-api', '--env', 'prod', '--deploy-repo', DEPLOY_REPO],
      expected: [0],
    },
  ];
}

function steps(root: string, io: CliIO): Step[] {
  const config = join(root, CONFIG);
  const fraudFile = join(config, FRAUD_FILE);
  const out = join(root, 'out');
  return [
    { title: 'Validate the sample org', explain: 'platform.yaml plus three teams: fraud (KServe, canary, drift), recsys (Deployments, A/B, GPUs), search.', command: validate, args: [CONFIG], expected: [0] },
    {
      title: 'Catch a mistake',
      explain: 'A typo in a team file is reported at its exact line and column, with a suggestion.',
      command: validate,
      args: [CONFIG],
      expected: [1],
      before: () => editFile(fraudFile, '    model: fraud-detector', '    modl: fraud-detector'),
      after: () => editFile(fraudFile, '    modl: fraud-detector', '    model: fraud-detector'),
    },
    {
      title: 'Compile to Kubernetes manifests',
      explain: 'Per cluster and team: namespaces, quotas, InferenceServices, Deployments, Argo workflows, monitoring, Argo CD apps.',
      command: compile,
      args: [CONFIG, '--out', 'out'],
      expected: [0],
      after: async () => {
        const files = await countFiles(out);
        if (files > 0) io.stdout(`${files} files written under out/\n`);
      },
    },
    { title: 'Check policies', explain: `Built-in Kubernetes and ML-governance rules, the org's CEL rule, and the fraud team's waiver (the tour moves its expiry to ${WAIVER_DAYS_AHEAD} days from today).`, command: check, args: [CONFIG], expected: [0] },
    {
      title: 'Plan a change: fraud canary 10 % → 20 %',
      explain: 'The config is committed to a temporary git repo; the working tree sends more prod traffic to fraud-detector 1.5.0.',
      command: plan,
      args: [CONFIG, '--base', 'HEAD'],
      expected: [0],
      before: () => editFile(fraudFile, CANARY_TRAFFIC, '20'),
    },
    {
      title: 'A change the policy blocks: canary 25 %',
      explain: 'fraud-detector is high-risk; platform.yaml caps production canaries at 20 %.',
      command: check,
      args: [CONFIG],
      expected: [1],
      before: () => editFile(fraudFile, CANARY_TRAFFIC, '25'),
    },
    ...deploySteps(root, io),
  ];
}

/** The `demo` command. */
export const command: CliCommand = {
  name: 'demo',
  summary: 'A guided end-to-end tour on a temporary copy of sample-repo/ (validate, compile, check, plan, deploy, audit, promote, rollback, report).',
  usage: ['Usage: mlops demo [--keep]', '', '  --keep         keep the temporary directory and print where it is'].join('\n'),
  options: { keep: { type: 'boolean' } },
  async run(input, demoIO) {
    if (input.positionals.length > 0) throw new UsageError('`mlops demo` takes no arguments.');
    const root = await mkdtemp(join(tmpdir(), 'mlops-demo-'));
    const io: CliIO = { ...demoIO, cwd: root };
    const color = wantsColor(demoIO);
    let failures = 0;
    try {
      await cp(SAMPLE_REPO, join(root, CONFIG), { recursive: true });
      await editFile(join(root, CONFIG, FRAUD_FILE), WAIVER_EXPIRY, dateFromToday(WAIVER_DAYS_AHEAD));
      const git = simpleGit(join(root, CONFIG));
      await git.init(['--initial-branch=main']);
      await git.addConfig('user.name', 'Mlops Demo').addConfig('user.email', 'demo@example.com').addConfig('commit.gpgsign', 'false');
      await commitAll(join(root, CONFIG), 'acme: initial config');
      demoIO.stdout(`Cirrus MLOps demo — working on a copy of sample-repo/ in ${root}\n`);
      const tour = steps(root, io);
      for (const [index, step] of tour.entries()) {
        if (!(await runStep(step, io, index + 1, tour.length, color))) failures++;
      }
      demoIO.stdout(`\n${failures === 0 ? '✔ Demo complete.' : `✖ ${failures} step(s) did not behave as expected.`} Next: README.md has a 5-minute tour; docs/ has the reference.\n`);
      await writeDemoDashboard({ deployRepo: join(root, DEPLOY_REPO), config: join(root, CONFIG), io: demoIO });
    } finally {
      if (input.values.keep === true) demoIO.stdout(`Kept ${root}\n`);
      else await rm(root, { recursive: true, force: true });
    }
    return failures === 0 ? 0 : 1;
  },
};
