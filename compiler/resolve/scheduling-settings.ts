/** platform.yaml `scheduling` with its defaults: where GPU pipeline steps are scheduled. */
import type { Platform } from '../config/types.generated.ts';
import type { Toleration } from './resolved-org.ts';
import { EMPTY_RECORD } from '../support/own.ts';

/** The taint GPU node pools carry by convention (the GPU resource name, `NoSchedule`), tolerated by default. */
export const DEFAULT_GPU_TOLERATIONS: readonly Toleration[] = [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }];

/** Scheduling settings with defaults applied. */
export interface ResolvedScheduling {
  /** Placement of pipeline steps that request GPUs. */
  readonly gpu: { readonly nodeSelector: Readonly<Record<string, string>>; readonly tolerations: readonly Toleration[] };
}

/** `scheduling` with defaults: GPU steps tolerate the `nvidia.com/gpu` taint unless the platform says otherwise. */
export function resolveScheduling(config: Platform): ResolvedScheduling {
  const gpu = config.scheduling?.gpu;
  return { gpu: { nodeSelector: gpu?.nodeSelector ?? EMPTY_RECORD, tolerations: gpu?.tolerations ?? DEFAULT_GPU_TOLERATIONS } };
}
