import { ApiObject, App, Chart, JsonPatch, Lazy } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { readSourceTree } from '../../compiler/cli/fs-source.ts';
import { buildTeamClusterApp, synthesizeApp, teamClusterUnits } from '../../compiler/emit/emit-org.ts';
import { fastObjectJson } from '../../compiler/emit/fast-object-json.ts';
import { renderObject, sortKeys } from '../../compiler/emit/render.ts';
import { validate } from '../../compiler/pipeline.ts';
import { goldenCases } from './golden/golden-cases.ts';

function chart(): Chart {
  return new Chart(new App({ outdir: '.' }), 'test', { namespace: 'fraud-prod' });
}

describe('synthesis fast path', () => {
  it('gives the objects cdk8s toJson gives, rendering to the same bytes, for every object of every golden fixture', async () => {
    let fast = 0;
    for (const golden of goldenCases()) {
      const { org } = validate(await readSourceTree(golden.input));
      if (!org) continue;
      for (const unit of teamClusterUnits(org)) {
        const { app } = buildTeamClusterApp(unit, []);
        const viaCdk8s = [...synthesizeApp(app, { fastPath: false }).values()].flat();
        const viaFastPath = [...synthesizeApp(app).values()].flat();
        const where = `${golden.name} ${unit.cluster}/${unit.team}`;
        // cdk8s drops null and undefined fields and sorts keys; the fast path must hold no null and differ only in key order.
        expect(JSON.stringify(sortKeys(viaFastPath)), where).toBe(JSON.stringify(sortKeys(viaCdk8s)));
        expect(viaFastPath.map((object) => renderObject(object, 'yaml')), where).toEqual(viaCdk8s.map((object) => renderObject(object, 'yaml')));
        fast += app.node.findAll().filter((construct) => construct instanceof ApiObject && fastObjectJson(construct) !== undefined).length;
      }
    }
    expect(fast).toBeGreaterThan(100);
  });

  it('fills the namespace from the chart and drops empty metadata maps, as cdk8s does', () => {
    const object = new ApiObject(chart(), 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: {}, annotations: { z: '1', a: '2' } }, data: { y: 'y', x: 'x' } });
    const json = fastObjectJson(object)!;
    expect(json).toEqual(object.toJson());
    expect(json.metadata).toEqual({ annotations: { a: '2', z: '1' }, name: 'b', namespace: 'fraud-prod' });
  });

  it('uses the props as they are instead of copying them', () => {
    const spec = { b: { c: 1 }, a: [{ d: true }] };
    const json = fastObjectJson(new ApiObject(chart(), 'thing', { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec }))!;
    expect(json.spec).toBe(spec);
  });

  it('leaves JSON patches and subclasses (cdk8s-plus, generated imports) to cdk8s', () => {
    const scope = chart();
    const patched = new ApiObject(scope, 'patched', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    patched.addJsonPatch(JsonPatch.add('/data', { key: 'value' }));
    class Subclass extends ApiObject {}
    const subclass = new Subclass(scope, 'subclass', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'e' } });
    for (const object of [patched, subclass]) expect(fastObjectJson(object), object.node.id).toBeUndefined();
  });

  it('never lets an unresolved cdk8s token through: the renderer refuses it as a bug', () => {
    const object = new ApiObject(chart(), 'token', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { key: Lazy.any({ produce: () => 'late' }) } });
    const json = fastObjectJson(object)!;
    expect(() => renderObject(json, 'yaml')).toThrow(/bug: cannot render an instance of Lazy/);
    expect(() => renderObject(json, 'json')).toThrow(/bug: cannot render an instance of Lazy/);
  });

  it('sees labels and annotations added after construction', () => {
    const object = new ApiObject(chart(), 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    object.metadata.addLabel('team', 'fraud');
    object.metadata.addAnnotation('note', 'yes');
    expect(fastObjectJson(object)!.metadata).toEqual({ annotations: { note: 'yes' }, labels: { team: 'fraud' }, name: 'a', namespace: 'fraud-prod' });
  });
});
