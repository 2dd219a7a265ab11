import { describe, expect, it } from 'vitest';
import { parseInParallel } from '../../../compiler/cli/parallel-parse/parse-in-parallel.ts';
import { parseFileFast } from '../../../compiler/load/parse-file.ts';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { compile, validate } from '../../../compiler/pipeline.ts';
import { platformYaml, teamYaml } from '../../emit/emit-text.ts';
import { syntheticOrgTree } from '../../support/synthetic-org.ts';

const now = new Date('2026-06-01T00:00:00Z');

describe('parseInParallel', () => {
  it('hands over what workers parse exactly as the fast path makes it in place (values and events)', async () => {
    const tree = syntheticOrgTree({ teams: 40, modelsPerTeam: 3 });
    const parsed = await parseInParallel(tree, { workers: 2, minBytes: 0, parseHere: false });
    expect([...parsed.keys()].sort()).toEqual(tree.files.map((file) => file.path).sort());
    for (const file of tree.files) expect(parsed.get(file.path)).toEqual(parseFileFast(file.content));
  });

  it('shares the files between this thread and the workers, each parsed once', async () => {
    const tree = syntheticOrgTree({ teams: 40, modelsPerTeam: 3 });
    const parsed = await parseInParallel(tree, { workers: 1, minBytes: 0 });
    expect([...parsed.keys()].sort()).toEqual(tree.files.map((file) => file.path).sort());
  });

  it('gives a compile the same bytes and diagnostics as parsing in place', async () => {
    const tree = syntheticOrgTree({ teams: 12, modelsPerTeam: 2 });
    const preparsed = await parseInParallel(tree, { workers: 2, minBytes: 0 });
    const [inPlace, fromThreads] = [compile(tree, { now }), compile(tree, { now, preparsed })];
    expect(fromThreads.diagnostics).toEqual(inPlace.diagnostics);
    expect(fromThreads.files.map((file) => [file.path, file.content])).toEqual(inPlace.files.map((file) => [file.path, file.content]));
  });

  it('leaves files the fast path declines (syntax errors, aliases, bad UTF-8) to validate, which reports them as usual', async () => {
    const tree = sourceTreeFromRecord({
      'platform.yaml': platformYaml(),
      'teams/fraud/mlops.yaml': teamYaml('models:\n  scorer: [\n'),
      'teams/search/mlops.yaml': teamYaml('labels: &shared { tier: gold }\nextra: *shared', 'search'),
    });
    const files = [...tree.files, { path: 'teams/ads/mlops.yaml', content: new Uint8Array([0xff, 0xfe, 0x41]) }];
    const parsed = await parseInParallel({ files }, { workers: 1, minBytes: 0 });
    expect([...parsed.keys()]).toEqual(['platform.yaml']);
    const codes = (preparsed?: typeof parsed) => validate({ files }, preparsed ? { preparsed } : {}).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.file}:${diagnostic.range.start.line}`);
    expect(codes(parsed)).toEqual(codes());
    expect(codes(parsed)).toEqual(expect.arrayContaining([expect.stringMatching(/^ML101 teams\/fraud/), expect.stringMatching(/^ML106 teams\/ads/)]));
  });

  it('starts no worker for a small tree: validate parses it in place', async () => {
    expect((await parseInParallel(syntheticOrgTree({ teams: 3, modelsPerTeam: 2 }))).size).toBe(0);
  });
});
