/**
 * SARIF 2.1.0 output of `mlops check --format sarif`, for GitHub code scanning and other viewers:
 * one run, every rule (built-in, org, team, and the ML codes that occur) with its docs, every
 * diagnostic as a result with its location, waived findings as suppressed results, and a
 * fingerprint that ignores line numbers so a finding keeps its identity when lines move.
 */
import { createHash } from 'node:crypto';
import { ALL_CODES } from '../diagnostics/all-codes.ts';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import type { PolicyFinding } from './evaluate-policies.ts';
import { type DefaultMode, type ModeSetting, modeFromDefault, modeFromSetting, severityOfMode } from './policy-mode.ts';
import type { CatalogRule } from './rule-catalog.ts';

/** The SARIF schema this output conforms to. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF result levels. */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** A SARIF reporting descriptor (rule). */
export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string };
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: { readonly tags: readonly string[] };
}

/** A SARIF result. */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string };
      readonly region: { readonly startLine: number; readonly startColumn: number; readonly endLine?: number; readonly endColumn?: number };
    };
  }[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly suppressions?: readonly { readonly kind: 'external'; readonly status: 'accepted'; readonly justification: string }[];
}

/** A SARIF log with one run. */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly name: string; readonly version: string; readonly rules: readonly SarifRule[] } };
    readonly originalUriBaseIds: Readonly<Record<string, { readonly description: { readonly text: string } }>>;
    readonly results: readonly SarifResult[];
  }[];
}

/** What the SARIF log is built from. */
export interface SarifInput {
  readonly diagnostics: readonly Diagnostic[];
  /** Policy rules known to the org (from PolicyResult.rules). */
  readonly rules: readonly CatalogRule[];
  /** Findings suspended by waivers; emitted as suppressed results. */
  readonly waived?: readonly PolicyFinding[];
  readonly toolVersion: string;
}

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

function ruleLevel(rule: CatalogRule): SarifLevel {
  const setting = rule.defaultMode;
  const mode = typeof setting === 'object' && 'byTier' in setting ? modeFromDefault(setting as DefaultMode, undefined) : (modeFromSetting(setting as ModeSetting, undefined) ?? 'enforce');
  const severity = severityOfMode(mode);
  return severity ? LEVEL[severity] : 'none';
}

function policyRule(rule: CatalogRule): SarifRule {
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: rule.fix },
    defaultConfiguration: { level: ruleLevel(rule) },
    properties: { tags: ['policy', rule.origin, rule.id.split('/')[0]!] },
  };
}

function codeRule(code: string): SarifRule {
  const info = ALL_CODES[code];
  return {
    id: code,
    name: info?.title ?? code,
    shortDescription: { text: info?.title ?? code },
    fullDescription: { text: info?.description ?? code },
    help: { text: info?.fix ?? '' },
    defaultConfiguration: { level: info ? LEVEL[info.severity] : 'warning' },
    properties: { tags: ['config'] },
  };
}

/** A fingerprint from rule, file and message (not the line), numbered when the same triple repeats. */
function fingerprint(diagnostic: Diagnostic, occurrences: Map<string, number>): string {
  const key = `${diagnostic.code}\u0000${diagnostic.file}\u0000${diagnostic.message}`;
  const occurrence = (occurrences.get(key) ?? 0) + 1;
  occurrences.set(key, occurrence);
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
}

function region(diagnostic: Diagnostic) {
  const { start, end } = diagnostic.range;
  return end.offset > start.offset ? { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column } : { startLine: start.line, startColumn: start.column };
}

/** Builds the SARIF log. */
export function buildSarif(input: SarifInput): SarifLog {
  const rules: SarifRule[] = [];
  const indexById = new Map<string, number>();
  const addRule = (rule: SarifRule) => {
    if (indexById.has(rule.id)) return;
    indexById.set(rule.id, rules.length);
    rules.push(rule);
  };
  for (const rule of input.rules) addRule(policyRule(rule));
  const suppressed = (input.waived ?? []).map((finding) => ({ diagnostic: finding.diagnostic, justification: `${finding.waivedBy?.justification ?? ''} (${finding.waivedBy?.ticket ?? ''}, approved by ${finding.waivedBy?.approvedBy ?? ''}, expires ${finding.waivedBy?.expires ?? ''})` }));
  const all = [...input.diagnostics.map((diagnostic) => ({ diagnostic, justification: undefined as string | undefined })), ...suppressed];
  for (const { diagnostic } of all) if (!indexById.has(diagnostic.code)) addRule(codeRule(diagnostic.code));
  const occurrences = new Map<string, number>();
  const results: SarifResult[] = all.map(({ diagnostic, justification }) => ({
    ruleId: diagnostic.code,
    ruleIndex: indexById.get(diagnostic.code)!,
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.hint ? `${diagnostic.message} ${diagnostic.hint}` : diagnostic.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: diagnostic.file, uriBaseId: 'SRCROOT' }, region: region(diagnostic) } }],
    partialFingerprints: { 'cirrusMlopsFinding/v1': fingerprint(diagnostic, occurrences) },
    ...(justification !== undefined ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification }] } : {}),
  }));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cirrus-mlops', version: input.toolVersion, rules } },
        originalUriBaseIds: { SRCROOT: { description: { text: 'The root of the config repository.' } } },
        results,
      },
    ],
  };
}
