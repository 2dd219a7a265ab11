/** Source mapping of findings on emitted objects: annotation line → the config key on that line. */
import { describe, expect, it } from 'vitest';
import { locateManifest } from '../../compiler/policy/source-location.ts';
import { manifest, resolveFixture, TEAM_FILE } from './support.ts';

const at = (line: number, kind = 'Deployment') => {
  const org = resolveFixture();
  const location = locateManifest(org, manifest(kind, {}, { line }));
  return `${location.file}:${location.range.start.line}:${location.range.start.column}-${location.range.end.column}`;
};

describe('locateManifest', () => {
  it('lands on the key of a mapping entry', () => {
    expect(at(37)).toBe(`${TEAM_FILE}:37:7-11`);
  });

  it('lands on a quoted key', () => {
    expect(at(11)).toBe(`${TEAM_FILE}:11:7-14`);
  });

  it('lands on the first key of a list item', () => {
    expect(at(46)).toBe(`${TEAM_FILE}:46:9-13`);
  });

  it('prefers the object SourceRef over the annotation', () => {
    const org = resolveFixture();
    const withRef = { ...manifest('Deployment', {}, { line: 2 }), source: { file: TEAM_FILE, path: ['monitoring', 'fraud-api'] } };
    expect(locateManifest(org, withRef).range.start).toEqual(expect.objectContaining({ line: 49, column: 3 }));
  });

  it('falls back to the start of the team file without any source', () => {
    const org = resolveFixture();
    const bare = manifest('Deployment', {});
    const withoutAnnotation = { ...bare, object: { ...bare.object, metadata: { name: 'x', namespace: 'fraud-prod' } } };
    expect(locateManifest(org, withoutAnnotation)).toEqual({ file: TEAM_FILE, range: expect.objectContaining({ start: expect.objectContaining({ line: 1, column: 1 }) }) });
  });
});
