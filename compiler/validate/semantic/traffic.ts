/**
 * Traffic splits: canary and variant shares within 0–100 and variants adding up to 100 (ML314),
 * a canary that differs from the stable version (ML304), and one way of splitting at a time (ML321).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { ParsedFile } from '../../load/parsed-file.ts';
import type { ValidTeamFile } from '../validated-config.ts';

function shareCheck(file: ParsedFile, traffic: number, path: readonly (string | number)[], what: string): Diagnostic[] {
  if (traffic >= 0 && traffic <= 100) return [];
  return [diagnosticAt(file, path, 'ML314', `${what} traffic is ${traffic}%; it must be between 0 and 100.`, { hint: 'Write a percentage from 0 to 100.' })];
}

/** Traffic-split checks of one team file. */
export function trafficDiagnostics(team: ValidTeamFile): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  for (const [name, deployment] of Object.entries(config.deployments ?? {})) {
    for (const [environment, entry] of Object.entries(deployment.environments)) {
      const base = ['deployments', name, 'environments', environment];
      if (entry.canary) {
        diagnostics.push(...shareCheck(file, entry.canary.traffic, [...base, 'canary', 'traffic'], 'Canary'));
        if (entry.canary.version === entry.version) {
          diagnostics.push(
            diagnosticAt(file, [...base, 'canary', 'version'], 'ML304', `The canary of \`${name}\` in \`${environment}\` runs version ${entry.version}, the same as the stable version.`, { hint: 'Point the canary at the new version, or remove `canary`.' }),
          );
        }
      }
      if (entry.canary && entry.abTest) {
        diagnostics.push(diagnosticAt(file, [...base, 'abTest'], 'ML321', `\`${name}\` in \`${environment}\` declares both \`canary\` and \`abTest\`; traffic can be split only one way.`, { target: 'key', hint: 'Keep one of them.' }));
      }
      if (!entry.abTest) continue;
      const variants = entry.abTest.variants;
      const shares = variants.flatMap((variant, position) => shareCheck(file, variant.traffic, [...base, 'abTest', 'variants', position, 'traffic'], `Variant \`${variant.name}\``));
      diagnostics.push(...shares);
      const total = variants.reduce((sum, variant) => sum + variant.traffic, 0);
      if (shares.length === 0 && Math.abs(total - 100) > 1e-9) {
        const parts = variants.map((variant) => `${variant.name} ${variant.traffic}`).join(' + ');
        diagnostics.push(diagnosticAt(file, [...base, 'abTest', 'variants'], 'ML314', `A/B variants of \`${name}\` in \`${environment}\` add up to ${total}% (${parts}); they must add up to 100.`, { target: 'key', hint: 'Adjust the variants\' `traffic` so they sum to 100.' }));
      }
    }
  }
  return diagnostics;
}
