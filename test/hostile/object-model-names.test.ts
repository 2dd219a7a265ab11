/**
 * Class 1, JavaScript object-model names: every `Object.prototype` key used as a name a team refers
 * to is an unknown name (never an inherited one, never a crash), and names that collide with our own
 * construct ids compile.
 */
import { describe, it } from 'vitest';
import { edit, type HostileCase, PLATFORM, runCase, TEAM, withPlatform, withTeam, CARDS } from './support.ts';

import { PROTOTYPE_KEYS } from './support.ts';

const modelCases: HostileCase[] = PROTOTYPE_KEYS.map((key) => ({
  name: `deployment model: ${key}`,
  files: withTeam(['    model: fraud-detector', `    model: "${key}"`]),
  exit: 1,
  code: 'ML302',
  at: { text: `"${key}"` },
}));

const versionCases: HostileCase[] = PROTOTYPE_KEYS.map((key) => ({
  name: `deployment version: ${key}`,
  files: withTeam(['      dev:\n        version: "1.5.0"', `      dev:\n        version: "${key}"`]),
  exit: 1,
  code: 'ML303',
  at: { text: `"${key}"` },
}));

const referenceCases: HostileCase[] = [
  { name: 'pipeline produces: constructor', files: withTeam(['produces: fraud-detector', 'produces: constructor']), exit: 1, code: 'ML302', at: { text: 'constructor' } },
  { name: 'trainedBy pipeline: __proto__', files: withTeam(['trainedBy: { pipeline: train-fraud, run: r-2026-10-01', 'trainedBy: { pipeline: __proto__, run: r-2026-10-01']), exit: 1, code: 'ML305', at: { text: '__proto__' } },
  { name: 'monitoring of deployment constructor', files: withTeam(['monitoring:\n  fraud-api:', 'monitoring:\n  constructor:']), exit: 1, code: 'ML306', at: { text: 'constructor:' } },
  { name: 'monitoring of deployment __proto__', files: withTeam(['monitoring:\n  fraud-api:', 'monitoring:\n  __proto__:']), exit: 1, code: 'ML306', at: { text: '__proto__:' } },
  { name: 'step dependsOn: [constructor]', files: withTeam(['        image: ghcr.io/acme/train:1.0.0', '        image: ghcr.io/acme/train:1.0.0\n        dependsOn: [constructor]']), exit: 1, code: 'ML316', at: { text: 'constructor' } },
  { name: 'deployment environment constructor', files: withTeam(['      dev:\n        version: "1.5.0"', '      constructor:\n        version: "1.5.0"']), exit: 1, code: 'ML307', at: { text: 'constructor:' } },
  { name: 'deployment environment toString', files: withTeam(['      dev:\n        version: "1.5.0"', '      toString:\n        version: "1.5.0"']), exit: 1, code: 'ML307', at: { text: 'toString:' } },
  { name: 'pipeline environment: valueOf', files: withTeam(['    produces: fraud-detector', '    produces: fraud-detector\n    environment: valueOf']), exit: 1, code: 'ML307', at: { text: 'valueOf' } },
  { name: 'promotion from: hasOwnProperty', files: withPlatform([['promotion: { from: dev }', 'promotion: { from: hasOwnProperty }']]), exit: 1, code: 'ML307', file: 'platform.yaml', at: { text: 'hasOwnProperty' } },
  {
    name: 'A/B variant model: hasOwnProperty',
    files: withTeam(['      staging:\n        version: "1.5.0"', '      staging:\n        version: "1.5.0"\n        abTest:\n          variants:\n            - { name: a, version: "1.4.0", traffic: 50 }\n            - { name: b, model: hasOwnProperty, version: "1.5.0", traffic: 50 }']),
    exit: 1,
    code: 'ML302',
    at: { text: 'hasOwnProperty' },
  },
  { name: 'additional model: __proto__', files: withTeam(['    model: fraud-detector\n    requirements:', '    model: fraud-detector\n    additionalModels:\n      - { model: __proto__, version: "1.4.0" }\n    requirements:']), exit: 1, code: 'ML302', at: { text: '__proto__' } },
  { name: 'metric requirement of an undeclared metric named constructor', files: withTeam(['metrics: { auc: ">= 0.93" }', 'metrics: { constructor: ">= 0.93" }']), exit: 0 },
  { name: 'team folder named constructor validates', files: { 'platform.yaml': PLATFORM, 'teams/constructor/mlops.yaml': edit(TEAM, ['name: fraud', 'name: constructor']), ...Object.fromEntries(Object.entries(CARDS).map(([path, text]) => [path.replace('fraud/', 'constructor/'), text])) }, exit: 0 },
  { name: 'selectorLabels key __proto__', files: withPlatform([['monitoring:\n', 'monitoring:\n  selectorLabels:\n    __proto__: evil\n']]), exit: 1, code: 'ML332', file: 'platform.yaml', at: { text: '__proto__' } },
  { name: 'nodeSelector key constructor is a label key, value checked', files: withPlatform([['{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }', '{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443", nodeSelector: { constructor: "a b" } }']]), exit: 1, code: 'ML332', file: 'platform.yaml', at: { text: '"a b"' } },
];

const compileCases: HostileCase[] = [
  { name: 'environment named gitops compiles', files: withPlatform([['  staging:\n', '  gitops:\n'], ['promotion: { from: staging }', 'promotion: { from: gitops }']], [['      staging:\n', '      gitops:\n']]), argv: ['compile', '--out', '../out'], exit: 0, writesOut: true },
  { name: 'environment named constructor compiles', files: withPlatform([['  staging:\n', '  constructor:\n'], ['promotion: { from: staging }', 'promotion: { from: constructor }']], [['      staging:\n', '      constructor:\n']]), argv: ['compile', '--out', '../out'], exit: 0, writesOut: true },
  {
    name: 'two additional models of one model are a duplicate, not a construct-id crash',
    files: withTeam(['    model: fraud-detector\n    requirements:', '    model: fraud-detector\n    additionalModels:\n      - { model: fraud-detector, version: "1.4.0" }\n      - { model: fraud-detector, version: "1.5.0" }\n    requirements:']),
    argv: ['compile', '--out', '../out'],
    exit: 1,
    code: 'ML309',
    at: { text: 'fraud-detector, version: "1.5.0"' },
  },
];

describe('hostile input, class 1: JavaScript object-model names', () => {
  it.each([...modelCases, ...versionCases, ...referenceCases, ...compileCases].map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);
});
