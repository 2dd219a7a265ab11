/**
 * The trials of a hyper-parameter search, chosen at compile time so the WorkflowTemplate can fan them
 * out with `withItems`: `grid` takes the first `maxTrials` points of the grid in order; `random` and
 * `bayesian` take `maxTrials` grid points sampled with a generator seeded by the pipeline name (the same
 * config always gives the same trials). Bayesian search proper needs feedback between trials, which a
 * static fan-out cannot give and no component of the output provides: `bayesian` runs exactly the
 * seeded random sample `random` would.
 */
import type { ResolvedPipeline } from '../../resolve/resolved-org.ts';
import { shortHash } from './dns-name.ts';
import { emptyRecord } from '../../support/own.ts';
import { seededRandom } from '../../support/seeded-random.ts';

/** One hyper-parameter as the workflow sees it. */
export interface TrialParameter {
  /** As declared in the config. */
  readonly declared: string;
  /** Argo parameter name (`[A-Za-z0-9_-]`, unique). */
  readonly parameter: string;
  /** Environment variable the steps receive it in, e.g. `HP_LEARNING_RATE`. */
  readonly envName: string;
  readonly values: readonly string[];
}

/** The search as a fan-out. */
export interface TrialPlan {
  readonly parameters: readonly TrialParameter[];
  /** One item per trial: Argo parameter name → value. */
  readonly items: readonly Readonly<Record<string, string>>[];
}

function uniqueNames(declared: readonly string[]): string[] {
  const used = new Set<string>();
  return declared.map((name) => {
    const base = name.replace(/[^A-Za-z0-9_-]/g, '_') || 'param';
    let candidate = base;
    for (let index = 2; used.has(candidate); index++) candidate = `${base}_${index}`;
    used.add(candidate);
    return candidate;
  });
}


function sampleIndices(total: number, count: number, seed: string): number[] {
  if (count >= total) return Array.from({ length: total }, (_, index) => index);
  const random = seededRandom(Number.parseInt(shortHash(seed), 16));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * total));
  return [...chosen].sort((a, b) => a - b);
}

/** The trial plan of a pipeline's search, or undefined when it declares none. */
export function hyperparameterTrials(pipeline: Pick<ResolvedPipeline, 'team' | 'name' | 'hyperparameterSearch'>): TrialPlan | undefined {
  const search = pipeline.hyperparameterSearch;
  if (!search) return undefined;
  const declared = Object.keys(search.parameters).sort();
  const names = uniqueNames(declared);
  const parameters: TrialParameter[] = declared.map((name, index) => ({
    declared: name,
    parameter: names[index]!,
    envName: `HP_${names[index]!.replace(/-/g, '_').toUpperCase()}`,
    values: search.parameters[name]!.map(String),
  }));
  const total = parameters.reduce((product, parameter) => Math.min(product * parameter.values.length, Number.MAX_SAFE_INTEGER), 1);
  const count = Math.min(search.maxTrials, total);
  const indices = search.algorithm === 'grid' ? Array.from({ length: count }, (_, index) => index) : sampleIndices(total, count, `${pipeline.team}/${pipeline.name}`);
  const items = indices.map((gridIndex) => {
    const item = emptyRecord<string>();
    let rest = gridIndex;
    for (let position = parameters.length - 1; position >= 0; position--) {
      const parameter = parameters[position]!;
      item[parameter.parameter] = parameter.values[rest % parameter.values.length]!;
      rest = Math.floor(rest / parameter.values.length);
    }
    return item;
  });
  return { parameters, items };
}
