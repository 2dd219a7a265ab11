/**
 * Where serving traffic enters: the shared Gateway API Gateway that weighted HTTPRoutes attach to,
 * and the namespaces of the infrastructure that forwards requests to model servers.
 */

export { SERVING_GATEWAY, SERVING_INGRESS_NAMESPACES } from '../../support/serving-infrastructure.ts';

/** Port Services of the `deployment` backend expose. */
export const SERVICE_PORT = 80;
