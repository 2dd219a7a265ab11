/** Labels of the objects in a cluster's platform bootstrap. */

/** `app.kubernetes.io/*` labels of a bootstrap object named `name`. */
export function bootstrapLabels(name: string): Record<string, string> {
  return {
    'app.kubernetes.io/component': 'platform-bootstrap',
    'app.kubernetes.io/managed-by': 'cirrus-mlops',
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': 'platform',
  };
}
