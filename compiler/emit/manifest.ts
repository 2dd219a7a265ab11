/** What the emit stage produces: Kubernetes objects with their place in the output tree. */
import type { SourceRef } from '../resolve/resolved-org.ts';

/** A Kubernetes object as plain data. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [field: string]: unknown;
}

/** One emitted object and where it goes. */
export interface Manifest {
  /** Cluster the object is applied to; `''` for org-level output (registry catalog). */
  readonly cluster: string;
  /** Team that owns it; `''` for org-level output. */
  readonly team: string;
  /** Output path, e.g. `clusters/prod-eu/fraud/inferenceservice-fraud-api.yaml`. */
  readonly path: string;
  readonly object: KubernetesObject;
  /** The config entry that produced it. */
  readonly source?: SourceRef;
}

/** A rendered output file. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}
