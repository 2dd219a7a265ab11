/**
 * The phase gate's evidence for a change the bot checks: when the head raises `rollout.phase` above
 * the base's, the success criteria are measured (`gatherEvidence`) from the deploy repo the BASE
 * names — a pull request cannot choose the repo that judges it — as a leased clone at its branch tip,
 * with Prometheus only when the bot has `MLOPS_PROMETHEUS_URL`. Otherwise nothing is read. Without a
 * deploy repo (or with one that cannot be read) there is no evidence, and the gate fails with ML702.
 */
import { UsageError } from '../../compiler/cli/command.ts';
import { gatherEvidence } from '../../compiler/cli/report/gather-report.ts';
import type { RolloutEvidence } from '../../compiler/report/evaluate-criteria.ts';
import { leaseDeployRepoOf } from '../deploy/leased-deploy-repo.ts';
import type { ChangeInputs } from './evaluate-change.ts';
import type { EventRun } from './event-run.ts';

function phaseOf(run: EventRun, content: string | Uint8Array | undefined): number | undefined {
  if (content === undefined) return undefined;
  return run.dependencies.compiler.validate({ files: [{ path: 'platform.yaml', content }] }).org?.platform.phase;
}

const platformOf = (tree: ChangeInputs['base']) => tree.files.find((file) => file.path === 'platform.yaml')?.content;

/** The evidence of a change that raises the rollout phase; undefined for any other change, or when none can be had. */
export async function rolloutEvidenceFor(run: EventRun, change: ChangeInputs): Promise<RolloutEvidence | undefined> {
  const from = phaseOf(run, platformOf(change.base));
  const to = phaseOf(run, platformOf(change.head));
  if (from === undefined || to === undefined || to <= from) return undefined;
  const deployRepo = await leaseDeployRepoOf(run, change.base);
  if (!deployRepo) return undefined;
  try {
    const config = run.dependencies.compiler.validate(change.base).org;
    const prometheus = run.dependencies.prometheusUrl;
    return await gatherEvidence({ deployRepo: deployRepo.dir, ...(config ? { config } : {}), ...(prometheus ? { prometheus } : {}), until: run.dependencies.clock(), cwd: deployRepo.dir });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    run.log.warn({ deployRepo: deployRepo.name, reason: error.message }, 'rollout evidence could not be measured');
    return undefined;
  } finally {
    deployRepo.release();
  }
}
