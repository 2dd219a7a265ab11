/** Helpers shared by the Kubernetes rules: effective security settings and container images. */
import { type ContainerView, type Fields, fieldsAt, type PodSpecView } from '../../pod-specs.ts';

/** A container setting from its securityContext, else the pod's (for fields both levels have). */
export function effectiveSecurity(pod: PodSpecView, container: ContainerView, field: string): unknown {
  const own = fieldsAt(container.fields, 'securityContext')?.[field];
  return own !== undefined ? own : pod.securityContext?.[field];
}

/** A field of the container's own securityContext. */
export function containerSecurity(container: ContainerView, field: string): unknown {
  return fieldsAt(container.fields, 'securityContext')?.[field];
}

/** `container "name" (predictor)` for messages. */
export function describeContainer(pod: PodSpecView, container: ContainerView): string {
  return pod.role === 'pod' ? `container "${container.name}"` : `container "${container.name}" (${pod.role})`;
}

/** The image of a container, when it names one (KServe model containers take theirs from the runtime). */
export function imageOf(container: ContainerView): string | undefined {
  const image = container.fields.image;
  return typeof image === 'string' && image !== '' ? image : undefined;
}

/** A container with the pod it runs in. */
export interface PodContainer {
  readonly pod: PodSpecView;
  readonly container: ContainerView;
}

const NO_CONTAINERS: readonly PodContainer[] = [];

/**
 * The last flattened list and the pods it was built from: the rules run one after another on one
 * object, so each asks for the same pods in turn (a one-entry memo, unlike a WeakMap, leaves nothing
 * for the garbage collector to sweep per object).
 */
let lastPods: readonly PodSpecView[] | undefined;
let lastList: readonly PodContainer[] = NO_CONTAINERS;

/** Every container of every pod with its pod, flattened; the list is shared, so do not modify it. */
export function eachContainer(pods: readonly PodSpecView[]): readonly PodContainer[] {
  if (pods.length === 0) return NO_CONTAINERS;
  if (pods !== lastPods) {
    lastList = pods.flatMap((pod) => pod.containers.map((container) => ({ pod, container })));
    lastPods = pods;
  }
  return lastList;
}

/** The object's labels. */
export function labelsOf(object: Fields): Readonly<Record<string, string>> {
  return (fieldsAt(object, 'metadata', 'labels') ?? {}) as Readonly<Record<string, string>>;
}
