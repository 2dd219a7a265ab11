/** ML507: SLO objectives the serving runtime's metrics cannot measure, so no alert is emitted for them. */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ResolvedMonitor, ResolvedOrg, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import { emitDiagnostic } from '../serving/serving-diagnostics.ts';
import type { UnmeasuredObjective } from './alert-rules.ts';

const NEEDS: Record<UnmeasuredObjective['needs'], string> = {
  latency: 'request-latency histogram',
  requests: 'request counter labelled by outcome',
};

const HINT = 'Declare the runtime\'s metrics in platform.yaml `serving.runtimes.<runtime>.metrics`, or remove the objective.';

/** One warning per objective the runtime cannot measure, at the objective (the same for every placement on that runtime, so reported once). */
export function monitoringDiagnostics(org: Pick<ResolvedOrg, 'files'>, monitor: ResolvedMonitor, placement: ResolvedPlacement, runtime: string, unmeasured: readonly UnmeasuredObjective[]): Diagnostic[] {
  return unmeasured.map(({ objective, needs }) =>
    emitDiagnostic(org, monitor.source, ['slo', objective], 'ML507', `\`${objective}\` of \`${placement.deployment}\` is not alerted where serving runtime \`${runtime}\` serves it: the runtime exports no ${NEEDS[needs]}.`, HINT),
  );
}

/** The warning for a monitored placement whose runtime the platform does not know: nothing is scraped or alerted. */
export function unknownRuntimeDiagnostic(org: Pick<ResolvedOrg, 'files'>, monitor: ResolvedMonitor, placement: ResolvedPlacement, runtime: string | undefined): Diagnostic {
  const which = runtime === undefined ? 'has no known serving runtime' : `runs on serving runtime \`${runtime}\`, whose metrics platform.yaml does not declare`;
  return emitDiagnostic(org, monitor.source, ['slo'], 'ML507', `The SLOs of \`${placement.deployment}\` are not alerted and its pods are not scraped where it ${which}.`, HINT);
}
