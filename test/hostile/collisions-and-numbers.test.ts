/**
 * Class 2, collisions after naming (one owner per namespace, platform namespaces reserved, length
 * limits as diagnostics) and class 4, numbers and formats (integers where Kubernetes wants integers,
 * nothing infinite or unrepresentable, cron as robfig/cron reads it, names YAML does not read as written).
 */
import { describe, it } from 'vitest';
import { CARDS, edit, type HostileCase, PLATFORM, runCase, TEAM, withPlatform, withTeam } from './support.ts';

function team(name: string): Record<string, string> {
  return {
    [`teams/${name}/mlops.yaml`]: edit(TEAM, ['name: fraud', `name: ${name}`]),
    ...Object.fromEntries(Object.entries(CARDS).map(([path, text]) => [path.replace('fraud/', `${name}/`), text])),
  };
}

const X_DEV = edit(PLATFORM, ['  staging:\n', '  x-dev:\n    clusters:\n      - { name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }\n  staging:\n']);

const collisions: HostileCase[] = [
  { name: 'namespace t-x-dev of team t (x-dev) and team t-x (dev): reported at t', files: { 'platform.yaml': X_DEV, ...team('t'), ...team('t-x') }, exit: 1, code: 'ML329', file: 'teams/t/mlops.yaml', at: { text: 't\n', shift: 0 } },
  { name: 'namespace t-x-dev of team t (x-dev) and team t-x (dev): reported at t-x', files: { 'platform.yaml': X_DEV, ...team('t'), ...team('t-x') }, exit: 1, code: 'ML329', file: 'teams/t-x/mlops.yaml', at: { text: 't-x\n' } },
  { name: 'compile refuses the shared namespace and writes nothing', files: { 'platform.yaml': X_DEV, ...team('t'), ...team('t-x') }, argv: ['compile', '--out', '../out'], exit: 1, code: 'ML329', file: 'teams/t/mlops.yaml', at: { text: 't\n' } },
  { name: 'team kube would own kube-dev', files: { 'platform.yaml': PLATFORM, ...team('kube') }, exit: 1, code: 'ML330', file: 'teams/kube/mlops.yaml', at: { text: 'kube\n' } },
  { name: 'team gateway in environment system would own gateway-system', files: { 'platform.yaml': edit(PLATFORM, ['  staging:\n', '  system:\n    clusters:\n      - { name: sys-eu, region: eu-west-1, server: "https://sys-eu.k8s.example:6443" }\n  staging:\n']), ...team('gateway') }, exit: 1, code: 'ML330', file: 'teams/gateway/mlops.yaml', at: { text: 'gateway\n' } },
  { name: 'team knative in environment serving would own knative-serving', files: { 'platform.yaml': edit(PLATFORM, ['  staging:\n', '  serving:\n    clusters:\n      - { name: srv-eu, region: eu-west-1, server: "https://srv-eu.k8s.example:6443" }\n  staging:\n']), ...team('knative') }, exit: 1, code: 'ML330', file: 'teams/knative/mlops.yaml', at: { text: 'knative\n' } },
  { name: 'a custom Argo CD namespace is reserved too', files: { 'platform.yaml': edit(PLATFORM, ['gitops:\n', 'gitops:\n  argocdNamespace: ops-dev\n']), ...team('ops') }, exit: 1, code: 'ML330', file: 'teams/ops/mlops.yaml', at: { text: 'ops\n' } },
  { name: 'namespace longer than 63 characters', files: { 'platform.yaml': PLATFORM, ...team('t'.repeat(60)) }, exit: 1, code: 'ML301', file: `teams/${'t'.repeat(60)}/mlops.yaml`, at: { text: 'tttt' } },
  { name: 'team declared twice (mlops.yaml at the root and a folder)', files: { 'platform.yaml': PLATFORM, ...team('fraud'), 'mlops.yaml': TEAM }, exit: 1, code: 'ML109', file: 'teams/fraud/mlops.yaml', at: { text: 'fraud\n' } },
  { name: 'cluster in two environments with different regions', files: withPlatform([['{ name: stg-eu, region: eu-west-1, server: "https://stg-eu.k8s.example:6443" }', '{ name: dev-eu, region: us-east-1, server: "https://dev-eu.k8s.example:6443" }']]), exit: 1, code: 'ML322', file: 'platform.yaml', at: { text: 'dev-eu', occurrence: 3 } },
  { name: 'two steps with one name', files: withTeam(['      - name: train\n        image: ghcr.io/acme/train:1.0.0', '      - name: train\n        image: ghcr.io/acme/train:1.0.0\n      - name: train\n        image: ghcr.io/acme/train:1.0.0']), exit: 1, code: 'ML309', at: { text: '- name: train', occurrence: 2, shift: 8 } },
  { name: 'two A/B variants with one name', files: withTeam(['      staging:\n        version: "1.5.0"', '      staging:\n        version: "1.5.0"\n        abTest:\n          variants:\n            - { name: a, version: "1.4.0", traffic: 50 }\n            - { name: a, version: "1.5.0", traffic: 50 }']), exit: 1, code: 'ML309', at: { text: 'name: a, version: "1.5.0"', shift: 6 } },
  { name: 'deployment a-b and deployment a with variant b emit one name twice', files: withTeam(['monitoring:', 'monitoring:'], ['deployments:\n', 'deployments:\n  a-b:\n    model: fraud-detector\n    environments:\n      dev: { version: "1.5.0" }\n  a:\n    model: fraud-detector\n    environments:\n      dev:\n        version: "1.5.0"\n        abTest:\n          variants:\n            - { name: b, version: "1.4.0", traffic: 50 }\n            - { name: c, version: "1.5.0", traffic: 50 }\n']), argv: ['compile', '--out', '../out'], exit: 1, code: 'ML505', at: { text: '      dev: { version: "1.5.0" }', shift: 6 } },
];

const abTest = (a: string, b: string) => ['      staging:\n        version: "1.5.0"', `      staging:\n        version: "1.5.0"\n        abTest:\n          variants:\n            - { name: a, version: "1.4.0", traffic: ${a} }\n            - { name: b, version: "1.5.0", traffic: ${b} }`] as const;
const schedule = (cron: string) => ['    produces: fraud-detector', `    produces: fraud-detector\n    schedule: "${cron}"`] as const;

const numbers: HostileCase[] = [
  { name: 'canary traffic 0.5', files: withTeam(['traffic: 10', 'traffic: 0.5']), exit: 1, code: 'ML203', at: { text: '0.5' } },
  { name: 'A/B weights 80.5 / 19.5', files: withTeam(abTest('80.5', '19.5')), exit: 1, code: 'ML203', at: { text: '80.5' } },
  { name: 'replicas.max 1e308', files: withTeam(['max: 4', 'max: 1e308']), exit: 1, code: 'ML206', at: { text: '1e308' } },
  { name: 'replicas.max .nan', files: withTeam(['max: 4', 'max: .nan']), exit: 1, code: 'ML203', at: { text: '.nan' } },
  { name: 'replicas.max .inf', files: withTeam(['max: 4', 'max: .inf']), exit: 1, code: 'ML203', at: { text: '.inf' } },
  { name: 'replicas.min 1.5', files: withTeam(['min: 2', 'min: 1.5']), exit: 1, code: 'ML203', at: { text: '1.5,' } },
  { name: 'port 8080.5', files: withTeam(['    model: fraud-detector\n    requirements:', '    model: fraud-detector\n    port: 8080.5\n    requirements:']), exit: 1, code: 'ML203', at: { text: '8080.5' } },
  { name: 'SLO latency 1e20 (beyond 2^53)', files: withTeam(['latencyP99Ms: 150', 'latencyP99Ms: 1e20']), exit: 1, code: 'ML328', at: { text: '1e20' } },
  { name: 'metric .nan', files: withTeam(['metrics: { auc: 0.941 }', 'metrics: { auc: .nan }']), exit: 1, code: 'ML203', at: { text: '.nan' } },
  { name: 'cron H (Jenkins hash)', files: withTeam(schedule('H * * * *')), exit: 1, code: 'ML310', at: { text: '"H * * * *"' } },
  { name: 'cron L (Quartz last day)', files: withTeam(schedule('0 3 L * *')), exit: 1, code: 'ML310', at: { text: '"0 3 L * *"' } },
  { name: 'cron W (Quartz weekday)', files: withTeam(schedule('0 3 15W * *')), exit: 1, code: 'ML310', at: { text: '"0 3 15W * *"' } },
  { name: 'cron # (Quartz nth weekday)', files: withTeam(schedule('0 3 * * 1#2')), exit: 1, code: 'ML310', at: { text: '"0 3 * * 1#2"' } },
  { name: 'cron day of week 7', files: withTeam(schedule('0 3 * * 7')), exit: 1, code: 'ML310', at: { text: '"0 3 * * 7"' } },
  { name: 'cron step 0', files: withTeam(schedule('*/0 * * * *')), exit: 1, code: 'ML310', at: { text: '"*/0 * * * *"' } },
  { name: 'cron @reboot', files: withTeam(schedule('@reboot')), exit: 1, code: 'ML310', at: { text: '"@reboot"' } },
  { name: 'cron TZ= prefix', files: withTeam(schedule('TZ=UTC 0 3 * * *')), exit: 1, code: 'ML310', at: { text: '"TZ=UTC' } },
  { name: 'cron six fields', files: withTeam(schedule('0 0 3 * * 1')), exit: 1, code: 'ML310', at: { text: '"0 0 3 * * 1"' } },
  { name: 'cron 30 February is accepted, as robfig/cron accepts it', files: withTeam(schedule('0 0 30 2 *')), exit: 0 },
  { name: 'cron names and ? are accepted', files: withTeam(schedule('0 3 ? jan-DEC mon-fri')), exit: 0 },
  { name: 'unquoted version key 1.10', files: withTeam(['      "1.5.0":', '      1.10:'], ['version: "1.5.0"', 'version: "1.10"']), exit: 1, code: 'ML331', at: { text: '1.10:' } },
  { name: 'unquoted version value 1.10', files: withTeam(['      dev:\n        version: "1.5.0"', '      dev:\n        version: 1.10']), exit: 1, code: 'ML203', at: { text: '1.10' } },
  { name: 'model: null', files: withTeam(['    model: fraud-detector', '    model: null']), exit: 1, code: 'ML203', at: { text: 'null' } },
  { name: 'model: ~', files: withTeam(['    model: fraud-detector', '    model: ~']), exit: 1, code: 'ML203', at: { text: '~' } },
  { name: 'model: true', files: withTeam(['    model: fraud-detector', '    model: true']), exit: 1, code: 'ML203', at: { text: 'true' } },
  { name: 'deployment key True', files: withTeam(['  fraud-api:\n    model', '  True:\n    model'], ['monitoring:\n  fraud-api:', 'monitoring:\n  "true":']), exit: 1, code: 'ML331', at: { text: 'True:' } },
  { name: 'environment key ~', files: withTeam(['      dev:\n        version: "1.5.0"', '      ~:\n        version: "1.5.0"']), exit: 1, code: 'ML331', at: { text: '~:' } },
  { name: 'model key 0x10', files: withTeam(['  fraud-detector:\n    framework', '  0x10:\n    framework']), exit: 1, code: 'ML331', at: { text: '0x10:' } },
];

describe('hostile input, class 2: collisions after naming', () => {
  it.each(collisions.map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);
});

describe('hostile input, class 4: numbers and formats', () => {
  it.each(numbers.map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);
});
