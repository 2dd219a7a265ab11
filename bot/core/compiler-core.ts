/** The compiler functions the bot calls (injectable, so tests and benchmarks can wrap or count them). */
import { compile, validate } from '../../compiler/pipeline.ts';
import { plan } from '../../compiler/plan/plan.ts';

/** The pure compiler, as the bot uses it. */
export interface CompilerCore {
  readonly plan: typeof plan;
  readonly compile: typeof compile;
  readonly validate: typeof validate;
}

/** The real compiler. */
export const COMPILER: CompilerCore = { plan, compile, validate };
