/**
 * Benchmark: policy evaluation (every built-in rule, an org CEL rule and a team CEL rule on every
 * team, with waivers) on synthetic orgs of 1,000 and 10,000 models, relative to compiling the same
 * org without policies. Prints medians of several runs and the ratio (target: policies add ≤ 50 %).
 * Run: `npx tsx scripts/bench/policy.ts [models…] [--runs N]`.
 */
import { pathToFileURL } from 'node:url';
import { emitOrg } from '../../compiler/emit/emit-org.ts';
import { compile, validate } from '../../compiler/pipeline.ts';
import { evaluatePolicies } from '../../compiler/policy/evaluate-policies.ts';
import { syntheticOrgTree } from '../../test/support/synthetic-org.ts';
import { median, timeMs } from './support/measure.ts';

/** Models per synthetic team (as in the compile benchmark). */
export const MODELS_PER_TEAM = 10;

/** Figures for one org size. */
export interface PolicyBenchResult {
  readonly models: number;
  readonly objects: number;
  readonly findings: number;
  readonly compileMedianMs: number;
  readonly policyMedianMs: number;
  /** Policy time as a share of compile time without policies. */
  readonly overhead: number;
}

const ORG_RULE = [
  '  rules:',
  '    - id: org/prod-min-replicas',
  '      match: { targets: [deployment], environments: [prod] }',
  '      expression: object.replicas.min + 1 >= 2',
  '      message: Production runs at least one replica.',
  '    - id: org/labelled',
  '      match: { targets: [InferenceService, Deployment] }',
  "      expression: has(object.metadata.labels) && 'app.kubernetes.io/name' in object.metadata.labels",
  '      message: Serving objects carry app.kubernetes.io/name.',
].join('\n');

/** Adds an org rule set to platform.yaml so CEL evaluation is part of the measurement. */
function withCustomRules(files: Record<string, string>): Record<string, string> {
  const platform = files['platform.yaml']!;
  const withPolicies = /^policies:\n/m.test(platform) ? platform.replace(/^policies:\n/m, `policies:\n${ORG_RULE}\n`) : `${platform}policies:\n${ORG_RULE}\n`;
  return { ...files, 'platform.yaml': withPolicies };
}

/** Measures one size. */
export function measure(models: number, runs: number): PolicyBenchResult {
  const teams = Math.max(1, Math.round(models / MODELS_PER_TEAM));
  const synthetic = syntheticOrgTree({ teams, modelsPerTeam: MODELS_PER_TEAM });
  const files = withCustomRules(Object.fromEntries(synthetic.files.map((file) => [file.path, String(file.content)])));
  const tree = { files: Object.entries(files).map(([path, content]) => ({ path, content })), otherPaths: synthetic.otherPaths ?? [] };
  const org = validate(tree).org;
  if (!org) throw new Error('synthetic org did not validate');
  const manifests = emitOrg(org, {}).manifests;
  const now = new Date();
  let findings = evaluatePolicies(org, manifests, { now }).findings.length;
  const compileTimes: number[] = [];
  const policyTimes: number[] = [];
  for (let index = 0; index < runs; index++) {
    compileTimes.push(timeMs(() => compile(tree, { policies: false, now })));
    policyTimes.push(
      timeMs(() => {
        findings = evaluatePolicies(org, manifests, { now }).findings.length;
      }),
    );
  }
  const compileMedianMs = median(compileTimes);
  const policyMedianMs = median(policyTimes);
  return { models, objects: manifests.length, findings, compileMedianMs, policyMedianMs, overhead: policyMedianMs / compileMedianMs };
}

/** Runs each size (default 1,000 and 10,000 models) and prints the figures. */
export async function run(sizes: readonly number[] = [1000, 10000], runs = 3): Promise<PolicyBenchResult[]> {
  const results: PolicyBenchResult[] = [];
  for (const models of sizes) {
    const result = measure(models, runs);
    results.push(result);
    console.log(
      [
        `policy: ${result.models} models → ${result.objects} objects, ${result.findings} findings`,
        `  compile without policies  ${result.compileMedianMs.toFixed(0)} ms (median of ${runs})`,
        `  policy evaluation         ${result.policyMedianMs.toFixed(0)} ms (median of ${runs})`,
        `  overhead                  +${(result.overhead * 100).toFixed(1)} % (target ≤ +50 %)`,
      ].join('\n'),
    );
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const sizes = args.filter((_, index) => index !== runsAt && index !== runsAt + 1).map(Number);
  await run(sizes.length > 0 ? sizes : undefined, runs);
}
