/** The config the compiler emits for sample-repo's fraud-api in prod-eu, plus the `inputs` the check needs. */
export function emittedConfig(): Record<string, unknown> {
  return {
    baseline: 's3://acme-data/fraud/transactions/2026-09',
    cluster: 'prod-eu',
    deployment: 'fraud-api',
    environment: 'prod',
    features: ['amount', 'merchant_category', 'device_age_days'],
    method: 'psi',
    model: { canaryVersion: '1.5.0', name: 'fraud-detector', version: '1.4.0' },
    namespace: 'fraud-prod',
    push: { gateway: 'http://prometheus-pushgateway.monitoring.svc:9091', job: 'mlops-drift-check', labels: { mlops_deployment: 'fraud-api', namespace: 'fraud-prod' }, metric: 'mlops_drift_score' },
    retrain: [{ cluster: 'dev-eu', inCluster: false, namespace: 'fraud-dev', pipeline: 'train-fraud', server: 'https://kubernetes.default.svc', workflowTemplate: 'train-fraud' }],
    schedule: '15 * * * *',
    threshold: 0.2,
    inputs: { uri: 'https://logs.example/fraud-api/requests.jsonl' },
  };
}
