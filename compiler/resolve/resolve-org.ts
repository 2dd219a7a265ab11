/** The resolve stage: validated config → ResolvedOrg. */
import type { SourceRange } from '../diagnostics/diagnostic.ts';
import { rangeOf, type ParsedFile } from '../load/parsed-file.ts';
import type { ValidatedConfig } from '../validate/validated-config.ts';
import { resolvePlatform } from './resolve-platform.ts';
import { resolveTeam } from './resolve-team.ts';
import type { ResolvedOrg, SourceRef } from './resolved-org.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';

/** Resolves validated config (call only when validation found no errors). */
export function resolveOrg(config: ValidatedConfig, otherPaths: readonly string[] = []): ResolvedOrg {
  const platform = resolvePlatform(config.platform.config, config.platform.file?.path);
  const files = new Map<string, ParsedFile>();
  if (config.platform.file) files.set(config.platform.file.path, config.platform.file);
  const teams = config.teams.map(({ file, config: team }) => {
    files.set(file.path, file);
    return resolveTeam(team, file.path, platform);
  });
  teams.sort((a, b) => compareCodePoints(a.name, b.name));
  return { platform, teams, otherPaths: new Set(otherPaths), files };
}

/** The source range a SourceRef points at (the key of its entry), or undefined for the default platform. */
export function locateSource(org: Pick<ResolvedOrg, 'files'>, ref: SourceRef): SourceRange | undefined {
  const file = org.files.get(ref.file);
  return file ? rangeOf(file, ref.path, 'key') : undefined;
}
