/**
 * Where serving traffic enters the clusters: the shared Gateway API Gateway that weighted HTTPRoutes
 * attach to, and the namespaces of the infrastructure that forwards requests to model servers. Kept
 * apart from the emitters so validation (reserved namespaces) can use them without loading emit code.
 */

/** The Gateway HTTPRoutes attach to (installed by the platform team, outside Cirrus MLOps). */
export const SERVING_GATEWAY = { name: 'mlops-gateway', namespace: 'gateway-system' } as const;

/** Namespaces whose pods may call model servers: gateway, KServe/Knative data plane, Prometheus. */
export const SERVING_INGRESS_NAMESPACES = ['gateway-system', 'istio-system', 'knative-serving', 'kserve', 'monitoring'] as const;
