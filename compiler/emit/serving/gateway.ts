/**
 * Where serving traffic enters: the shared Gateway API Gateway that weighted HTTPRoutes attach to,
 * and the namespaces of the infrastructure that forwards requests to model servers.
 */

/** The Gateway HTTPRoutes attach to (installed by the platform team, outside Cirrus MLOps). */
export const SERVING_GATEWAY = { name: 'mlops-gateway', namespace: 'gateway-system' } as const;

/** Namespaces whose pods may call model servers: gateway, KServe/Knative data plane, Prometheus. */
export const SERVING_INGRESS_NAMESPACES = ['gateway-system', 'istio-system', 'knative-serving', 'kserve', 'monitoring'] as const;

/** Port Services of the `deployment` backend expose. */
export const SERVICE_PORT = 80;
