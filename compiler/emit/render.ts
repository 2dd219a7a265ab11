/**
 * Deterministic rendering of emitted objects: keys sorted at every level, no timestamps, stable file
 * names. The same objects always render to the same bytes.
 */
import type { Chart } from 'cdk8s';
import { stringify } from 'yaml';
import { type Diagnostic, START_OF_FILE } from '../diagnostics/diagnostic.ts';
import { diagnosticAtRange } from '../diagnostics/report.ts';
import { rangeFromOffsets } from '../load/parsed-file.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { parseSourceAnnotation, SOURCE_ANNOTATION } from './labels.ts';
import type { KubernetesObject, Manifest, OutputFile } from './manifest.ts';

/** Output file format. */
export type OutputFormat = 'yaml' | 'json';

/** A copy of `value` with the keys of every mapping sorted (code-point order); `undefined` entries dropped. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry !== undefined) sorted[key] = sortKeys(entry);
  }
  return sorted as T;
}

const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false } as const;

/** Renders one object (keys already sorted) as a YAML document or as pretty JSON, ending in a newline. */
export function renderSortedObject(object: unknown, format: OutputFormat): string {
  return format === 'json' ? `${JSON.stringify(object, null, 2)}\n` : stringify(object, YAML_OPTIONS);
}

/** Renders one object with its keys sorted. */
export function renderObject(object: unknown, format: OutputFormat): string {
  return renderSortedObject(sortKeys(object), format);
}

/** The file name of an object inside its folder: `<kind>-<name>.<ext>`, e.g. `inferenceservice-fraud-api.yaml`. */
export function objectFileName(object: Pick<KubernetesObject, 'kind' | 'metadata'>, format: OutputFormat, qualifier?: string): string {
  const stem = qualifier ? `${object.kind.toLowerCase()}-${qualifier}-${object.metadata.name}` : `${object.kind.toLowerCase()}-${object.metadata.name}`;
  return `${stem}.${format}`;
}

/** Compares strings by code point (locale-independent, so output order never depends on the machine). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renders manifests to files, sorted by path. Every manifest must already carry its final path. */
export function renderManifests(manifests: readonly Manifest[], format: OutputFormat): OutputFile[] {
  return manifests.map((manifest) => ({ path: manifest.path, content: renderSortedObject(manifest.object, format) })).sort((a, b) => compareCodePoints(a.path, b.path));
}

/** The synthesised objects of one chart and the folder they go to. */
export interface PlacedChart {
  readonly cluster: string;
  readonly team: string;
  /** e.g. `clusters/prod-eu/fraud` or `argocd/prod-eu/fraud`. */
  readonly folder: string;
  readonly objects: readonly KubernetesObject[];
}

/** Synthesises a chart's objects (cdk8s resolves tokens, applies patches and runs construct validation). */
export function synthesizeChart(chart: Chart): KubernetesObject[] {
  return chart.toJson().map((object: unknown) => sortKeys(object) as KubernetesObject);
}

function objectKey(object: KubernetesObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/**
 * Gives every object its path: `<folder>/<kind>-<name>.<ext>`; when objects of one folder in different
 * namespaces share kind and name (a cluster serving two environments), each is qualified with its namespace. Objects that
 * still collide are dropped with ML505 at their source.
 */
export function placeObjects(org: Pick<ResolvedOrg, 'files'>, charts: readonly PlacedChart[], format: OutputFormat): { manifests: Manifest[]; diagnostics: Diagnostic[] } {
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  const byFolder = new Map<string, { chart: PlacedChart; object: KubernetesObject }[]>();
  for (const chart of charts) {
    const entries = byFolder.get(chart.folder) ?? [];
    for (const object of chart.objects) entries.push({ chart, object });
    byFolder.set(chart.folder, entries);
  }
  for (const [folder, entries] of byFolder) {
    const namespacesByName = new Map<string, Set<string>>();
    for (const { object } of entries) {
      const name = objectFileName(object, format);
      namespacesByName.set(name, (namespacesByName.get(name) ?? new Set()).add(object.metadata.namespace ?? ''));
    }
    const taken = new Map<string, KubernetesObject>();
    for (const { chart, object } of entries) {
      const plain = objectFileName(object, format);
      const name = (namespacesByName.get(plain)?.size ?? 0) > 1 && object.metadata.namespace ? objectFileName(object, format, object.metadata.namespace) : plain;
      const path = `${folder}/${name}`;
      const previous = taken.get(path);
      if (previous) {
        diagnostics.push(collisionDiagnostic(org, object, previous, path));
        continue;
      }
      taken.set(path, object);
      manifests.push({ cluster: chart.cluster, team: chart.team, path, object });
    }
  }
  manifests.sort((a, b) => compareCodePoints(a.path, b.path));
  return { manifests, diagnostics };
}

function collisionDiagnostic(org: Pick<ResolvedOrg, 'files'>, object: KubernetesObject, previous: KubernetesObject, path: string): Diagnostic {
  const source = parseSourceAnnotation(object.metadata.annotations?.[SOURCE_ANNOTATION]) ?? { file: 'platform.yaml' };
  const file = org.files.get(source.file);
  const lineStart = file && source.line !== undefined ? (file.lineCounter.lineStarts[source.line - 1] ?? 0) : 0;
  const offset = file ? lineStart + (/^[ \t]*/.exec(file.text.slice(lineStart))?.[0].length ?? 0) : 0;
  const range = file ? rangeFromOffsets(file, offset, offset) : START_OF_FILE;
  const first = previous.metadata.annotations?.[SOURCE_ANNOTATION] ?? objectKey(previous);
  const message = `${object.kind} \`${object.metadata.name}\` is emitted twice into \`${path}\`; the first comes from ${first}.`;
  return diagnosticAtRange(source.file, range, 'ML505', message, { hint: 'Rename one of the deployments, variants or models.' });
}
