/** Decides which paths of a repo are config files, from their location alone. */
import type { ConfigFileRole } from './parsed-file.ts';

/** A path the loader will read, with its role. */
export interface ConfigLocation {
  readonly path: string;
  readonly role: ConfigFileRole;
  /** Folder name for `teams/<folder>/mlops.yaml`. */
  readonly folder?: string;
}

/** A path that looks like config but is not read, with the path it was probably meant to be. */
export interface IgnoredConfig {
  readonly path: string;
  readonly suggestion: string;
}

/** The outcome of classifying a repo's paths. */
export interface Discovery {
  readonly locations: ConfigLocation[];
  readonly ignored: IgnoredConfig[];
}

const TEAM_FILE = /^teams\/([^/]+)\/mlops\.yaml$/;
const LOOKALIKE = /(^|\/)(platform|mlops)\.(yml|yaml)$/;

/** Classifies paths into platform and team files; near misses are reported, not read. */
export function discoverConfig(paths: readonly string[]): Discovery {
  const locations: ConfigLocation[] = [];
  const ignored: IgnoredConfig[] = [];
  for (const path of [...paths].sort()) {
    if (path === 'platform.yaml') {
      locations.push({ path, role: 'platform' });
      continue;
    }
    if (path === 'mlops.yaml') {
      locations.push({ path, role: 'team' });
      continue;
    }
    const team = TEAM_FILE.exec(path);
    if (team) {
      locations.push({ path, role: 'team', folder: team[1]! });
      continue;
    }
    const lookalike = LOOKALIKE.exec(path);
    if (lookalike) ignored.push({ path, suggestion: suggestLocation(path, lookalike[2]!) });
  }
  return { locations, ignored };
}

function suggestLocation(path: string, base: string): string {
  const segments = path.split('/');
  if (base === 'platform') return 'platform.yaml';
  if (segments.length === 1) return 'mlops.yaml';
  const teamIndex = segments.indexOf('teams');
  const folder = teamIndex >= 0 && segments[teamIndex + 1] !== undefined && segments[teamIndex + 1] !== segments.at(-1) ? segments[teamIndex + 1] : segments.at(-2);
  return `teams/${folder}/mlops.yaml`;
}
