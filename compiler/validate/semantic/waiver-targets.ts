/**
 * Waiver targets name something that exists: `team`, `deployments/<name>`, `models/<name>` or
 * `pipelines/<name>`, optionally `@<environment>`. A malformed target is ML325; an unknown
 * deployment, model, pipeline or environment gets the reference code (ML306, ML302, ML305, ML307).
 */
import type { Team } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { suggestionHint } from '../../diagnostics/suggest.ts';
import type { ValidTeamFile } from '../validated-config.ts';
import { environmentCheck } from './environment-references.ts';
import type { PlatformIndex } from './platform-index.ts';

const TARGET = /^(team|(deployments|models|pipelines)\/([^/@]+))(@([^@/]+))?$/;

const KINDS = {
  deployments: { code: 'ML306', noun: 'deployment', names: (team: Team) => Object.keys(team.deployments ?? {}) },
  models: { code: 'ML302', noun: 'model', names: (team: Team) => Object.keys(team.models ?? {}) },
  pipelines: { code: 'ML305', noun: 'pipeline', names: (team: Team) => Object.keys(team.pipelines ?? {}) },
} as const;

/** Waiver-target checks of one team file. */
export function waiverTargetDiagnostics(team: ValidTeamFile, index: PlatformIndex): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  (config.policies?.waivers ?? []).forEach((waiver, position) => {
    const path = ['policies', 'waivers', position, 'target'];
    const match = TARGET.exec(waiver.target);
    if (!match) {
      diagnostics.push(diagnosticAt(file, path, 'ML325', `Waiver target ${JSON.stringify(waiver.target)} is malformed.`, { hint: 'Write `team`, `deployments/<name>`, `models/<name>` or `pipelines/<name>`, optionally followed by `@<environment>`.' }));
      return;
    }
    const kind = match[2] as keyof typeof KINDS | undefined;
    if (kind) {
      const name = match[3]!;
      const names = KINDS[kind].names(config);
      if (!names.includes(name)) {
        const hint = suggestionHint(name, names);
        diagnostics.push(diagnosticAt(file, path, KINDS[kind].code, `Waiver target names ${KINDS[kind].noun} \`${name}\`, which team \`${config.metadata.name}\` does not declare.`, hint ? { hint } : {}));
      }
    }
    const environment = match[5];
    if (environment !== undefined) diagnostics.push(...environmentCheck(file, index, environment, path, 'value', 'Waiver target'));
  });
  return diagnostics;
}
