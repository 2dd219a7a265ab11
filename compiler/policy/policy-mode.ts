/** Policy modes: how a rule's findings count, per environment, and how modes compare for layering. */
import type { Severity } from '../diagnostics/diagnostic.ts';
import type { EnvironmentTier } from '../resolve/resolved-org.ts';

/** `enforce` = error, `warn` = warning, `audit` = info, `disabled` = not evaluated. */
export type PolicyMode = 'enforce' | 'warn' | 'audit' | 'disabled';

/** As written in config: one mode, or a mode per environment name with `default` for the rest. */
export type ModeSetting = PolicyMode | Readonly<Record<string, PolicyMode>>;

/** A built-in rule's default: one mode, or a mode per environment tier with a fallback. */
export type DefaultMode = PolicyMode | { readonly byTier: Partial<Readonly<Record<EnvironmentTier, PolicyMode>>>; readonly default: PolicyMode };

/** Strictness order: a team may only move a rule rightwards. */
export const MODE_STRICTNESS: Readonly<Record<PolicyMode, number>> = { disabled: 0, audit: 1, warn: 2, enforce: 3 };

/** The diagnostic severity of a finding under a mode (undefined when disabled). */
export function severityOfMode(mode: PolicyMode): Severity | undefined {
  if (mode === 'enforce') return 'error';
  if (mode === 'warn') return 'warning';
  if (mode === 'audit') return 'info';
  return undefined;
}

/** The mode a setting gives an environment (`undefined` environment: the `default` entry). */
export function modeFromSetting(setting: ModeSetting | undefined, environment: string | undefined): PolicyMode | undefined {
  if (setting === undefined) return undefined;
  if (typeof setting === 'string') return setting;
  return (environment !== undefined ? setting[environment] : undefined) ?? setting.default;
}

/** The mode a built-in default gives an environment of the given tier. */
export function modeFromDefault(mode: DefaultMode, tier: EnvironmentTier | undefined): PolicyMode {
  if (typeof mode === 'string') return mode;
  return (tier !== undefined ? mode.byTier[tier] : undefined) ?? mode.default;
}

/** The stricter of two modes. */
export function stricterMode(a: PolicyMode, b: PolicyMode): PolicyMode {
  return MODE_STRICTNESS[a] >= MODE_STRICTNESS[b] ? a : b;
}
