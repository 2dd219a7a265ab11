/**
 * Class 5, text (control characters rejected where they would reach a manifest, never printed raw in
 * any output; code frames capped) and class 6, YAML detail (undefined and self-referring aliases,
 * runaway nesting, unclosed flow collections at their opener, complex keys without a Node warning,
 * YAML 1.1 tags).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { edit, type HostileCase, PLATFORM, runCase, TEAM, withTeam } from './support.ts';

/** A raw control character (other than newline and tab) or a bidi override anywhere in the output. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A line of output that starts a GitHub Actions workflow command. */
const FORGED_COMMAND = /(^|\n)::(error|warning|notice)/;

const human = ['validate'] as const;

const text: HostileCase[] = [
  { name: 'model name forging ::error:: and clearing the screen (json)', files: withTeam(['    model: fraud-detector', '    model: "q\\n::error::pwned\\e[2J"']), exit: 1, code: 'ML327', at: { text: '"q\\n' }, never: RAW_CONTROL },
  { name: 'model name forging ::error:: and clearing the screen (terminal)', files: withTeam(['    model: fraud-detector', '    model: "q\\n::error::pwned\\e[2J"']), argv: human, exit: 1, code: 'ML327', at: { text: '"q\\n' }, never: new RegExp(`${RAW_CONTROL.source}|${FORGED_COMMAND.source}`) },
  { name: 'NUL in a step env value', files: withTeam(['        image: ghcr.io/acme/train:1.0.0', '        image: ghcr.io/acme/train:1.0.0\n        env: { MODE: "a\\0b" }']), exit: 1, code: 'ML327', at: { text: '"a\\0b"' }, never: RAW_CONTROL },
  { name: 'CR in a dataset URI', files: withTeam(['uri: s3://data/fraud/2026-09,', 'uri: "s3://data/x\\ry",']), exit: 1, code: 'ML327', at: { text: '"s3://data/x' } },
  { name: 'C1 CSI in costCenter', files: withTeam(['  owners: ["@acme/fraud-ml"]', '  owners: ["@acme/fraud-ml"]\n  costCenter: "cc\\x9b2J"']), argv: human, exit: 1, code: 'ML327', at: { text: '"cc' }, never: RAW_CONTROL },
  { name: 'DEL in an image', files: withTeam(['image: ghcr.io/acme/train:1.0.0', 'image: "ghcr.io/acme/train:1.0.0\\x7f"']), exit: 1, code: 'ML327', at: { text: '"ghcr.io/acme/train:1.0.0\\x7f"' } },
  { name: 'BEL in a deployment key', files: withTeam(['monitoring:', 'monitoring:'], ['deployments:\n', 'deployments:\n  "a\\ab":\n    model: fraud-detector\n    environments:\n      dev: { version: "1.5.0" }\n']), argv: human, exit: 1, code: 'ML327', at: { text: '"a\\ab"' }, never: RAW_CONTROL },
  { name: 'raw ESC byte in the file, printed in the code frame', files: withTeam(['    model: fraud-detector', '    model: "fraud\u001b[2J"']), argv: human, exit: 1, code: 'ML327', at: { text: '"fraud' }, never: RAW_CONTROL },
  { name: 'bidi override in a model name is escaped in the terminal', files: withTeam(['    model: fraud-detector', '    model: "fraud\u202edetector"']), argv: human, exit: 1, code: 'ML302', at: { text: '"fraud' }, never: RAW_CONTROL },
  { name: 'C1 NEL in a model name is escaped in JSON', files: withTeam(['    model: fraud-detector', '    model: "fraud\u0085x"']), exit: 1, code: 'ML302', at: { text: '"fraud' }, never: RAW_CONTROL },
  { name: 'graph --markdown keeps a dataset URI with a newline and a fence inside the Mermaid block', files: withTeam(['uri: s3://data/fraud/2026-09,', 'uri: "s3://data/x\\n```\\n# pwned\\n<b>`y`</b>",']), argv: ['graph', '--markdown'], exit: 0, stdout: /^```mermaid\n[^`]*```\n$/, never: /\n# pwned|<b>/ },
  { name: 'graph (plain Mermaid) keeps the URI on its label line', files: withTeam(['uri: s3://data/fraud/2026-09,', 'uri: "s3://data/x\\nflowchart TD\\n  evil-->x",']), argv: ['graph'], exit: 0, never: /\nflowchart TD/ },
  { name: 'a 1 MB line gives a capped code frame', files: withTeam(['  owners: ["@acme/fraud-ml"]', `  owners: ["@acme/fraud-ml"]\n  description: x\n  unknownKey: "${'x'.repeat(900_000)}"`]), argv: human, exit: 1, code: 'ML201', at: { text: 'unknownKey' }, never: /x{1000}/ },
  { name: 'a long line with the error far right', files: withTeam(['  owners: ["@acme/fraud-ml"]', `  owners: ["@acme/fraud-ml", ${'"@acme/a", '.repeat(20_000)}5]`]), argv: human, exit: 1, code: 'ML203', at: { text: '5]' }, never: /("@acme\/a", ){200}/ },
];

const yaml: HostileCase[] = [
  { name: 'undefined alias *nope', files: withTeam(['framework: xgboost', 'framework: *nope']), exit: 1, code: 'ML116', at: { text: '*nope' } },
  { name: 'alias inside the node it names', files: withTeam(['framework: xgboost', 'framework: xgboost\n    labels: &l [*l]']), exit: 1, code: 'ML116', at: { text: '*l' } },
  { name: '10,000 levels of nesting', files: withTeam(['framework: xgboost', `framework: ${'['.repeat(10_000)}${']'.repeat(10_000)}`]), exit: 1, code: 'ML118', at: { text: '[[[', shift: 97 }, never: /\[{300}/ },
  { name: '400 levels of block nesting, refused at level 100', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': `${TEAM}x:\n${Array.from({ length: 400 }, (_, depth) => `${' '.repeat(depth + 1)}k:`).join('\n')}\n` }, exit: 1, code: 'ML118', at: { text: ' k:', occurrence: 99, shift: 1 } },
  { name: 'unclosed [ reported at its opener', files: withTeam(['features: [amount]', 'features: [amount']), exit: 1, code: 'ML101', at: { text: '[amount' } },
  { name: 'unclosed { reported at its opener', files: withTeam(['slo: { latencyP99Ms: 150 }', 'slo: { latencyP99Ms: 150']), exit: 1, code: 'ML101', at: { text: '{ latencyP99Ms' } },
  { name: 'unclosed [ in a quoted-bracket line', files: withTeam(['  owners: ["@acme/fraud-ml"]', '  owners: ["@acme/[fraud-ml"']), exit: 1, code: 'ML101', at: { text: '["@acme' } },
  { name: 'complex mapping key', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': `${TEAM}? { a: 1 }\n: 2\n` }, exit: 1, code: 'ML115', at: { text: '{ a: 1 }' } },
  { name: 'complex sequence key', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': `${TEAM}? [a, b]\n: 2\n` }, exit: 1, code: 'ML115', at: { text: '[a, b]' } },
  { name: '!!binary', files: withTeam(['framework: xgboost', 'framework: !!binary eGdib29zdA==']), exit: 1, code: 'ML117', at: { text: '!!binary' } },
  { name: '!!timestamp', files: withTeam(['validatedBy: "@omar"', 'validatedBy: "@omar"\n        createdAt: !!timestamp 2026-09-01']), exit: 1, code: 'ML117', at: { text: '!!timestamp' } },
  { name: '!!merge', files: withTeam(['framework: xgboost', 'framework: xgboost\n    !!merge <<: { riskTier: low }']), exit: 1, code: 'ML117', at: { text: '!!merge' } },
  { name: 'a merge key << is an unknown key with a merge hint', files: withTeam(['framework: xgboost', 'framework: xgboost\n    <<: { riskTier: low }']), exit: 1, code: 'ML201', at: { text: '<<' } },
  { name: '!!set', files: withTeam(['framework: xgboost', 'framework: !!set { a }']), exit: 1, code: 'ML117', at: { text: '!!set' } },
  { name: 'an explicit !!str is fine', files: withTeam(['framework: xgboost', 'framework: !!str xgboost']), exit: 0 },
  { name: 'metrics named after Object.prototype keys are plain metrics', files: withTeam(['metrics: { auc: 0.941 }', 'metrics: { constructor: 0.9, __proto__: 0.8, toString: 0.7 }']), exit: 0 },
  { name: 'a metric requirement named constructor gets a plain finding', files: withTeam(['metrics: { auc: ">= 0.93" }', 'metrics: { constructor: ">= 0.93" }']), argv: ['check', '--format', 'json'], exit: 1, code: 'ml/metric-requirements', at: { text: 'version: "1.5.0"' } },
  { name: 'duplicate key', files: withTeam(['framework: xgboost', 'framework: xgboost\n    framework: sklearn']), exit: 1, code: 'ML102', at: { text: 'framework', occurrence: 2 } },
  { name: 'duplicate __proto__ key', files: withTeam(['framework: xgboost', 'framework: xgboost\n    __proto__: 1\n    __proto__: 2']), exit: 1, code: 'ML102', at: { text: '__proto__', occurrence: 2 } },
  { name: 'a __proto__ key is an unknown key, not a prototype', files: withTeam(['framework: xgboost', 'framework: xgboost\n    __proto__: { riskTier: low }']), exit: 1, code: 'ML201', at: { text: '__proto__' } },
  { name: 'two documents', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': `${TEAM}---\n${TEAM}` }, exit: 1, code: 'ML107', at: { text: '---' } },
  { name: 'alias bomb', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': `${TEAM}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n` }, exit: 1, code: 'ML104', at: '1:1' },
  { name: 'invalid UTF-8', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': new Uint8Array([...new TextEncoder().encode(TEAM), 0xff, 0xfe]) }, exit: 1, code: 'ML106', at: '1:1' },
  { name: 'a sequence at the top level', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': '- a\n- b\n' }, exit: 1, code: 'ML111', at: '1:1' },
  { name: 'a BOM is ignored', files: { 'platform.yaml': PLATFORM, 'teams/fraud/mlops.yaml': `\uFEFF${TEAM}`, ...withTeam() }, exit: 0 },
];

describe('hostile input, class 5: text', () => {
  it.each(text.map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);
});

describe('hostile input, class 6: YAML detail', () => {
  let warnings: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warnings = vi.spyOn(process, 'emitWarning');
  });
  afterEach(() => {
    expect(warnings, 'no Node warning is printed').not.toHaveBeenCalled();
    warnings.mockRestore();
  });
  it.each(yaml.map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);
});

describe('the fixtures of these cases are sane', () => {
  it('edits apply to the fixture', () => {
    expect(edit(TEAM, ['framework: xgboost', 'x'])).not.toBe(TEAM);
  });
});
