import { describe, expect, it } from 'vitest';
import { catalogEntry, joinCatalog, splitCatalog } from '../../compiler/deploy/catalog-text.ts';
import { compile } from '../../compiler/pipeline.ts';
import { smallOrg, toTree } from '../plan/support/small-org.ts';

describe('registry.json as text', () => {
  const registry = compile(toTree(smallOrg(['fraud', 'search', 'vision'])), { now: new Date('2026-12-02') }).files.find((file) => file.path === 'registry.json')!.content;

  it('splits a catalog into its teams and joins it back byte for byte', () => {
    const split = splitCatalog(registry)!;
    expect([...split.teams.keys()]).toEqual(['fraud', 'search', 'vision']);
    expect(joinCatalog(split)).toBe(registry);
  });

  it('writes an entry as the catalog does, so replacing one team equals rendering it', () => {
    const split = splitCatalog(registry)!;
    const teams = (JSON.parse(registry) as { teams: Record<string, unknown> }).teams;
    expect(catalogEntry('search', teams.search)).toBe(split.teams.get('search'));
    split.teams.delete('fraud');
    const { fraud: _removed, ...rest } = teams;
    expect(JSON.parse(joinCatalog(split))).toEqual({ ...JSON.parse(registry), teams: rest });
    expect(joinCatalog({ prefix: split.prefix, teams: new Map() })).toMatch(/"teams": \{\}\n\}\n$/);
    expect(splitCatalog(joinCatalog({ prefix: split.prefix, teams: new Map() }))?.teams.size).toBe(0);
  });

  it('refuses text in another layout', () => {
    expect(splitCatalog(JSON.stringify(JSON.parse(registry)))).toBeUndefined();
    expect(splitCatalog('{}')).toBeUndefined();
    expect(splitCatalog(registry.replace('\n    "search"', '\n    search'))).toBeUndefined();
  });
});
