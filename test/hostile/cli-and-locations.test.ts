/**
 * Class 7, the command line (filters that match nothing, `plan` on what is not a folder, `--out`
 * checked before any output, our own argument messages, paths as given) and class 8, locations (a
 * finding points at the most specific key that caused it).
 */
import { describe, it } from 'vitest';
import { type HostileCase, runCase, withPlatform, withTeam } from './support.ts';

const repo = withTeam();

const cli: HostileCase[] = [
  { name: 'compile --env prdo', files: repo, argv: ['compile', '--out', '../out', '--env', 'prdo'], exit: 2, stderr: /^mlops: --env "prdo" matches no environment\. Did you mean `prod`\?/ },
  { name: 'compile --env prod,nope', files: repo, argv: ['compile', '--out', '../out', '--env', 'prod,nope'], exit: 2, stderr: /--env "nope" matches no environment\./ },
  { name: 'compile --cluster prod-ue', files: repo, argv: ['compile', '--out', '../out', '--cluster', 'prod-ue'], exit: 2, stderr: /--cluster "prod-ue" matches no cluster\. Did you mean `prod-us`\?/ },
  { name: 'compile --env with control characters is echoed escaped', files: repo, argv: ['compile', '--out', '../out', '--env', 'x\u001b[2J'], exit: 2, stderr: /--env "x\\u001b\[2J" matches no environment/, never: /\u001b/ },
  { name: 'compile --env that matches compiles', files: repo, argv: ['compile', '--out', '../out', '--env', 'dev'], exit: 0, writesOut: true, stdout: /to \.\.\/out\n$/ },
  { name: 'plan on a missing folder', files: repo, argv: ['plan', 'nope', '--base', 'main'], exit: 2, stderr: /^mlops: No such directory: nope\n$/ },
  { name: 'plan on a file', files: repo, argv: ['plan', 'platform.yaml', '--base', 'main'], exit: 2, stderr: /^mlops: Not a directory: platform\.yaml\n$/ },
  { name: 'plan --out onto an existing file fails before printing', files: repo, argv: ['plan', '--base', 'main', '--out', 'platform.yaml'], exit: 2, stderr: /^mlops: --out platform\.yaml exists and is not a folder\.\n$/, stdout: /^$/ },
  { name: 'plan --out /proc/x', files: repo, argv: ['plan', '--base', 'main', '--out', '/proc/x'], exit: 2, stderr: /^mlops: --out \/proc\/x cannot be created/, stdout: /^$/ },
  { name: 'validate on a missing folder names it as given', files: repo, argv: ['validate', '../nope'], exit: 2, stderr: /^mlops: No such directory: \.\.\/nope\n$/ },
  { name: 'graph on a missing folder', files: repo, argv: ['graph', 'nope'], exit: 2, stderr: /^mlops: No such directory: nope\n$/ },
  { name: 'an option without its value', files: repo, argv: ['validate', '--format'], exit: 2, stderr: /^mlops: --format needs a value\. Run `mlops validate --help` for usage\.\n$/ },
  { name: 'a value that looks like an option', files: repo, argv: ['compile', '--out', '--env'], exit: 2, stderr: /^mlops: --out needs a value; to give one that starts with `-`, write --out=<value>\./ },
  { name: 'a boolean flag given a value', files: repo, argv: ['plan', '--base', 'main', '--diff=yes'], exit: 2, stderr: /^mlops: --diff takes no value\./ },
  { name: 'an unknown option', files: repo, argv: ['validate', '--formt', 'json'], exit: 2, stderr: /^mlops: Unknown option --formt for `mlops validate`\. Did you mean --format\?/ },
  { name: 'two folders', files: repo, argv: ['validate', '.', '..'], exit: 2, stderr: /takes one directory; got 2 arguments\./ },
  { name: 'compile without --out', files: repo, argv: ['compile'], exit: 2, stderr: /^mlops: mlops compile needs --out <dir>\.\n$/ },
  { name: 'compile --out that holds other files', files: repo, argv: ['compile', '--out', '.'], exit: 2, stderr: /^mlops: --out \. contains the config repo/ },
  { name: 'an unknown command', files: repo, argv: ['valdate'], exit: 2, stderr: /^mlops: Unknown command "valdate"\. Did you mean `mlops validate`\?/ },
];

const locations: HostileCase[] = [
  { name: 'k8s/no-latest-tag on a pipeline step points at its image:', files: withTeam(['image: ghcr.io/acme/train:1.0.0', 'image: ghcr.io/acme/train:latest']), argv: ['check', '--format', 'json'], exit: 1, code: 'k8s/no-latest-tag', at: { text: 'image: ghcr.io/acme/train:latest' } },
  { name: 'k8s/no-latest-tag on an untagged step image points at its image:', files: withTeam(['image: ghcr.io/acme/train:1.0.0', 'image: ghcr.io/acme/train']), argv: ['check', '--format', 'json'], exit: 1, code: 'k8s/no-latest-tag', at: { text: 'image: ghcr.io/acme/train' } },
  { name: 'k8s/allowed-registries on a step points at its image:', files: withTeam(['image: ghcr.io/acme/train:1.0.0', 'image: docker.io/acme/train:1.0.0']), argv: ['check', '--format', 'json'], exit: 1, code: 'k8s/allowed-registries', at: { text: 'image: docker.io' } },
  { name: 'an unknown canary version points at the canary version', files: withTeam(['canary: { version: "1.5.0"', 'canary: { version: "9.9.9"']), exit: 1, code: 'ML303', at: { text: '"9.9.9"' } },
  { name: 'an unknown key deep down points at the key', files: withTeam(['slo: { latencyP99Ms: 150 }', 'slo: { latencyP99Ms: 150, latencyP95: 1 }']), exit: 1, code: 'ML201', at: { text: 'latencyP95' } },
  { name: 'a missing step image points at the step', files: withTeam(['      - name: train\n        image: ghcr.io/acme/train:1.0.0', '      - name: train']), exit: 1, code: 'ML202', at: { text: 'name: train' } },
  { name: 'an invalid step name points at the name', files: withTeam(['- name: train', '- name: Train_Step']), exit: 1, code: 'ML301', at: { text: 'Train_Step' } },
  { name: 'an invalid cron points at the schedule', files: withTeam(['    produces: fraud-detector', '    produces: fraud-detector\n    schedule: "61 * * * *"']), exit: 1, code: 'ML310', at: { text: '"61' } },
  { name: 'a bad promotion source in platform.yaml points at the value', files: withPlatform([['promotion: { from: dev }', 'promotion: { from: qa }']]), exit: 1, code: 'ML307', file: 'platform.yaml', at: { text: 'qa' } },
];

describe('hostile input, class 7: the command line', () => {
  it.each(cli.map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);
});

describe('hostile input, class 8: locations', () => {
  it.each(locations.map((hostile) => [hostile.name, hostile] as const))('%s', async (_, hostile) => {
    await runCase(hostile);
  }, 30_000);
});
