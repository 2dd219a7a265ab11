/** `mlops explain <rule>`: print a policy rule's (or diagnostic code's) documentation. */
import { resolve } from 'node:path';
import { ALL_CODES } from '../../diagnostics/all-codes.ts';
import { closestMatch } from '../../diagnostics/suggest.ts';
import { validate } from '../../pipeline.ts';
import type { DefaultMode, ModeSetting } from '../../policy/policy-mode.ts';
import { builtInCatalog, type CatalogRule, catalogRules } from '../../policy/rule-catalog.ts';
import { type CliCommand, type CliInput, type CliIO, UsageError } from '../command.ts';
import { readSourceTree } from '../fs-source.ts';

/** Describes a default mode in words: `enforce`, or `enforce in production, warn elsewhere`. */
export function describeMode(mode: DefaultMode | ModeSetting): string {
  if (typeof mode === 'string') return mode;
  if ('byTier' in mode && typeof mode.byTier === 'object') {
    const tiers = Object.entries(mode.byTier as Record<string, string>).map(([tier, value]) => `${value} in ${tier}`);
    return [...tiers, `${String(mode.default)} elsewhere`].join(', ');
  }
  const entries = Object.entries(mode as Record<string, string>).filter(([environment]) => environment !== 'default');
  const fallback = (mode as Record<string, string>).default;
  return [...entries.map(([environment, value]) => `${value} in ${environment}`), ...(fallback ? [`${fallback} elsewhere`] : [])].join(', ');
}

function scopeOf(rule: CatalogRule): string {
  if (rule.origin !== 'built-in') return rule.origin === 'org' ? 'org rule (platform.yaml)' : `team rule of ${rule.team}`;
  return rule.id.startsWith('k8s/') ? 'emitted Kubernetes objects' : 'the config (models, versions, deployments)';
}

/** The text `explain` prints for a rule. */
export function explainRule(rule: CatalogRule): string {
  return [
    `${rule.id} — ${rule.title}`,
    '',
    `Applies to:   ${scopeOf(rule)}`,
    `Default mode: ${describeMode(rule.defaultMode)}`,
    `Waivable:     ${rule.waivable ? 'yes' : 'no'}`,
    '',
    rule.description,
    '',
    `Fix: ${rule.fix}`,
    '',
  ].join('\n');
}

/** The text `explain` prints for a diagnostic code. */
export function explainCode(code: string): string | undefined {
  const info = ALL_CODES[code];
  if (!info) return undefined;
  return [`${code} — ${info.title} (${info.severity})`, '', info.description, '', `Fix: ${info.fix}`, ''].join('\n');
}

async function knownRules(input: CliInput, io: CliIO): Promise<CatalogRule[]> {
  const dir = input.values.dir;
  if (typeof dir !== 'string') return builtInCatalog();
  const result = validate(await readSourceTree(resolve(io.cwd, dir)));
  if (!result.org) throw new UsageError(`${dir} has config errors; run \`mlops validate ${dir}\`.`);
  return catalogRules(result.org);
}

/** The `explain` command. */
export const command: CliCommand = {
  name: 'explain',
  summary: 'Print the documentation of a policy rule or diagnostic code.',
  usage: [
    'Usage: mlops explain <rule-or-code> [--dir <config repo>]',
    '       mlops explain --list [--dir <config repo>]',
    '',
    '  rule-or-code   a rule id such as k8s/no-latest-tag, or a code such as ML604',
    '  --dir          also know the org and team rules of this config repo',
    '  --list         list every rule',
    '',
    'Exit codes: 0 printed, 2 unknown rule or usage error.',
  ].join('\n'),
  options: { dir: { type: 'string' }, list: { type: 'boolean' } },
  async run(input, io) {
    const rules = await knownRules(input, io);
    if (input.values.list === true) {
      const width = Math.max(...rules.map((rule) => rule.id.length));
      io.stdout(`${rules.map((rule) => `${rule.id.padEnd(width)}  ${describeMode(rule.defaultMode).padEnd(8)}  ${rule.title}`).join('\n')}\n`);
      return 0;
    }
    if (input.positionals.length !== 1) throw new UsageError('`mlops explain` takes one rule id or code, e.g. `mlops explain k8s/no-latest-tag`.');
    const id = input.positionals[0]!;
    const rule = rules.find((candidate) => candidate.id === id);
    if (rule) {
      io.stdout(explainRule(rule));
      return 0;
    }
    const code = explainCode(id.toUpperCase());
    if (code) {
      io.stdout(code);
      return 0;
    }
    const suggestion = closestMatch(id, [...rules.map((candidate) => candidate.id), ...Object.keys(ALL_CODES)]);
    throw new UsageError(`Unknown rule or code ${id}.${suggestion ? ` Did you mean ${suggestion}?` : ''} See \`mlops explain --list\`.`);
  },
};
