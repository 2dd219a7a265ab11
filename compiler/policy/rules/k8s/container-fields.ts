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

/** Every container of every pod with its pod, flattened. */
export function eachContainer(pods: readonly PodSpecView[]): { pod: PodSpecView; container: ContainerView }[] {
  return pods.flatMap((pod) => pod.containers.map((container) => ({ pod, container })));
}

/** The object's labels. */
export function labelsOf(object: Fields): Readonly<Record<string, string>> {
  return (fieldsAt(object, 'metadata', 'labels') ?? {}) as Readonly<Record<string, string>>;
}
