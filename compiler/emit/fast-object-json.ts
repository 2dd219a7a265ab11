/**
 * The synthesis fast path: an ApiObject's JSON read straight from its props and metadata, for the plain
 * objects most builders create, skipping cdk8s's token resolution and its sanitising and sorting
 * copies (nearly all of synthesis time). Objects cdk8s must transform fall back to `toJson()`.
 */
import { ApiObject } from 'cdk8s';
import type { KubernetesObject } from './manifest.ts';

/** The cdk8s ApiObject internals the fast path reads (runtime fields, private in its typings). */
interface ApiObjectInternals {
  readonly props: Record<string, unknown>;
  readonly patches: readonly unknown[];
}

/** The cdk8s ApiObjectMetadataDefinition internals the fast path reads (see its `toJson`). */
interface MetadataInternals {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly finalizers: readonly unknown[];
  readonly ownerReferences: readonly unknown[];
  readonly _additionalAttributes: Record<string, unknown>;
}

/** True for values cdk8s's metadata synthesis drops: undefined, null, empty sequences and mappings. */
function isEmptyMetadataValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Metadata fields cdk8s keeps outside its additional attributes (they override those). */
const OWN_METADATA_FIELDS = new Set(['name', 'namespace', 'annotations', 'finalizers', 'ownerReferences', 'labels']);

/** An ApiObject's metadata as cdk8s's `toJson` gives it (empty and undefined entries dropped), without its resolution and copies. */
function fastMetadata(metadata: MetadataInternals): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const extra = metadata._additionalAttributes;
  for (const key in extra) if (!OWN_METADATA_FIELDS.has(key) && !isEmptyMetadataValue(extra[key])) kept[key] = extra[key];
  if (!isEmptyMetadataValue(metadata.annotations)) kept.annotations = metadata.annotations;
  if (!isEmptyMetadataValue(metadata.finalizers)) kept.finalizers = metadata.finalizers;
  if (!isEmptyMetadataValue(metadata.labels)) kept.labels = metadata.labels;
  if (metadata.name !== undefined) kept.name = metadata.name;
  if (metadata.namespace !== undefined) kept.namespace = metadata.namespace;
  if (!isEmptyMetadataValue(metadata.ownerReferences)) kept.ownerReferences = metadata.ownerReferences;
  return kept;
}

/**
 * An ApiObject's JSON without cdk8s's token resolution, sanitising and sorting copies, for plain
 * ApiObjects (not cdk8s-plus or generated subclasses, which convert typed values) with no JSON patches.
 * Emit builds their props from plain data only (cdk8s tokens are `Lazy` instances, which the renderer
 * refuses as a bug), so the props are used as they are; keys are sorted when rendered. Returns
 * undefined when the object needs the full `toJson()`. Tests prove both paths render the same bytes
 * for every object of every golden fixture.
 */
export function fastObjectJson(object: ApiObject): KubernetesObject | undefined {
  if (Object.getPrototypeOf(object) !== ApiObject.prototype) return undefined;
  const internals = object as unknown as ApiObjectInternals;
  if (!Array.isArray(internals.patches) || internals.patches.length > 0) return undefined;
  return { ...internals.props, metadata: fastMetadata(object.metadata as unknown as MetadataInternals) } as KubernetesObject;
}
