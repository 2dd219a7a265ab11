/**
 * `registry.json` edited as text: an incremental deploy replaces the entries of the teams it rendered
 * in the previous catalog without parsing and re-serialising the whole file (about 10 MiB in a
 * 1,000-team org). The catalog is written by `registryCatalog` as `stableJson(catalog, 2)`: `teams` is
 * its last key and each team's entry starts on a line indented by exactly four spaces. The result is
 * byte for byte what a full render writes (a test compares them). Pure.
 */
import { stableJson } from '../emit/registry/stable-json.ts';

/** A catalog split into the text before its teams and one text per team. */
export interface CatalogText {
  /** Everything up to and including `"teams": {`. */
  readonly prefix: string;
  /** Each team's entry (`    "name": { … }`, without the separating comma), by team name. */
  readonly teams: Map<string, string>;
}

const TEAMS_OPEN = '\n  "teams": {';
const CLOSE = '\n  }\n}\n';
const ENTRY_KEY = /^ {4}("(?:[^"\\]|\\.)*"): /;

/** Splits a catalog's text; undefined when it is not in the layout `registryCatalog` writes. */
export function splitCatalog(text: string): CatalogText | undefined {
  const open = text.lastIndexOf(TEAMS_OPEN);
  if (open < 0) return undefined;
  const prefix = text.slice(0, open + TEAMS_OPEN.length);
  const rest = text.slice(prefix.length);
  if (rest === '}\n}\n') return { prefix, teams: new Map() };
  if (!rest.startsWith('\n') || !rest.endsWith(CLOSE)) return undefined;
  const body = rest.slice(1, rest.length - CLOSE.length);
  // At indent four there are only entry keys and the entries' closing braces.
  if (/\n {4}[^ "}]/.test(body)) return undefined;
  const teams = new Map<string, string>();
  let start = 0;
  while (start < body.length) {
    const next = body.indexOf(',\n    "', start);
    const end = next < 0 ? body.length : next;
    const entry = body.slice(start, end);
    const key = ENTRY_KEY.exec(entry);
    if (!key) return undefined;
    try {
      teams.set(JSON.parse(key[1]!) as string, entry);
    } catch {
      return undefined;
    }
    start = next < 0 ? body.length : next + 2;
  }
  return { prefix, teams };
}

/** The entry text of one team, as `stableJson(catalog, 2)` writes it. */
export function catalogEntry(name: string, value: unknown): string {
  return `    ${JSON.stringify(name)}: ${stableJson(value, 2).replace(/\n/g, '\n    ')}`;
}

/** Joins a split catalog back into text, teams in the order `stableJson` sorts keys. */
export function joinCatalog(catalog: CatalogText): string {
  if (catalog.teams.size === 0) return `${catalog.prefix}}\n}\n`;
  const names = [...catalog.teams.keys()].sort();
  return `${catalog.prefix}\n${names.map((name) => catalog.teams.get(name)).join(',\n')}${CLOSE}`;
}
