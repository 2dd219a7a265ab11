/** The ML-aware summary: versions, rollouts per environment, capacity, pipelines, monitors. */
import type { Plan } from '../../plan-model.ts';
import { describeCapacity, describeMonitor, describePipeline, describeRollout, describeVersion } from '../describe-ml.ts';
import { limited, MARKDOWN } from '../markdown-formatter.ts';
import type { MlView } from '../view-model.ts';

/** The ML summary section. */
export function mlView(plan: Plan, limit: number | undefined): MlView {
  const { ml } = plan;
  return {
    show: ml.versions.length + ml.rollouts.length + ml.capacity.length + ml.pipelines.length + ml.monitors.length > 0,
    versions: limited(ml.versions.map((change) => describeVersion(change, MARKDOWN)), limit),
    rollouts: limited(ml.rollouts.map((change) => describeRollout(change, MARKDOWN)), limit),
    capacity: limited(ml.capacity.map((delta) => describeCapacity(delta, MARKDOWN)), limit),
    pipelines: limited(ml.pipelines.map((change) => describePipeline(change, MARKDOWN)), limit),
    monitors: limited(ml.monitors.map((change) => describeMonitor(change, MARKDOWN)), limit),
  };
}
