/**
 * Maps ajv errors to diagnostics: one clear message per problem, pinned to the offending key or
 * value, with "did you mean" hints for unknown keys and enum values, and no oneOf/anyOf noise.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../diagnostics/report.ts';
import { closestMatch, formatList, suggestionHint } from '../diagnostics/suggest.ts';
import { type DataPath, type ParsedFile, rangeOf } from '../load/parsed-file.ts';
import { schemaValidator } from './schemas.ts';

type SchemaNode = { properties?: Record<string, unknown>; required?: string[]; description?: string; enum?: unknown[]; const?: unknown; type?: string | string[] };

function toDataPath(value: unknown, pointer: string): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current = value;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(current) ? Number(segment) : segment;
    path.push(key);
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key as string] : undefined;
  }
  return path;
}

/** `deployments.fraud-api.environments.prod`, or `the top level`. */
export function describePath(path: DataPath): string {
  if (path.length === 0) return 'the top level';
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '`.nan` (not a number)' : '`.inf` (infinity)';
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'null' };

function expectedTypes(type: string | string[] | undefined): string {
  const types = Array.isArray(type) ? type : type ? [type] : [];
  return types.map((name) => TYPE_NAMES[name] ?? name).join(' or ');
}

function lastKey(path: DataPath): string {
  const key = [...path].reverse().find((segment) => typeof segment === 'string');
  return typeof key === 'string' ? key : 'value';
}

function messageFor(file: ParsedFile, error: ErrorObject): Diagnostic {
  const path = toDataPath(file.value, error.instancePath);
  const where = describePath(path);
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(parent.properties ?? {});
      const closest = closestMatch(key, allowed);
      const missingRequired = closest !== undefined && (parent.required ?? []).includes(closest) && !(closest in ((error.data as object | null) ?? {}));
      const hint = key === '<<' ? 'YAML merge keys (`<<`) are not supported: write the keys out.' : missingRequired ? `Did you mean \`${closest}\`? It is required here.` : suggestionHint(key, allowed);
      return diagnosticAt(file, [...path, key], 'ML201', `Unknown key \`${key}\` in ${where}.`, { target: 'key', ...(hint ? { hint } : {}) });
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      const property = parent.properties?.[key] as SchemaNode | undefined;
      const hint = property?.description ? `\`${key}\`: ${property.description}` : undefined;
      return diagnosticAt(file, path, 'ML202', `Missing required key \`${key}\` in ${where}.`, { target: 'key', ...(hint ? { hint } : {}) });
    }
    case 'type': {
      const expected = parent.type ?? (error.params as { type: string }).type;
      const wantsString = expected === 'string' || (Array.isArray(expected) && expected.includes('string'));
      const quotable = wantsString && (typeof error.data === 'number' || typeof error.data === 'boolean' || error.data === null);
      const range = rangeOf(file, path);
      const written = file.text.slice(range.start.offset, range.end.offset).trim() || String(error.data);
      const readAs = error.data === null ? 'null' : `a ${typeof error.data}`;
      const hint = quotable ? (written === '' || written.endsWith(':') ? 'Write a value after the colon.' : `Quote it: \`"${written}"\` (unquoted, YAML reads it as ${readAs}).`) : undefined;
      return diagnosticAt(file, path, 'ML203', `\`${lastKey(path)}\` must be ${expectedTypes(expected)}, not ${describeValue(error.data)}.`, hint ? { hint } : {});
    }
    case 'enum': {
      const allowed = (parent.enum ?? []).map(String);
      const hint = typeof error.data === 'string' ? suggestionHint(error.data, allowed) : undefined;
      return diagnosticAt(file, path, 'ML204', `\`${lastKey(path)}\` is ${describeValue(error.data)}; expected one of ${formatList(allowed)}.`, hint ? { hint } : {});
    }
    case 'const':
      return diagnosticAt(file, path, 'ML204', `\`${lastKey(path)}\` must be ${JSON.stringify(parent.const)}, not ${describeValue(error.data)}.`);
    case 'pattern':
    case 'format':
      return diagnosticAt(file, path, 'ML205', `\`${lastKey(path)}\` is malformed: ${describeValue(error.data)}.`, parent.description ? { hint: `Expected ${lowerFirst(parent.description)}` } : {});
    default:
      return diagnosticAt(file, path, 'ML206', `\`${lastKey(path)}\` ${error.message ?? 'is out of range'}.`);
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Replaces each failed `oneOf`/`anyOf` and the errors of its branches by the errors of the branch the
 * user most likely meant. Branches reached through `$ref` cannot be told apart by schema path, so the
 * choice goes by depth: errors below the value mean a branch's type matched (report those); else
 * errors other than type mismatches (an enum, say); else the type mismatches alone.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let remaining = errors;
  for (const alternative of errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')) {
    const at = alternative.instancePath;
    const within = (error: ErrorObject) => error !== alternative && (error.instancePath === at || error.instancePath.startsWith(`${at}/`));
    const candidates = remaining.filter(within);
    const deeper = candidates.filter((error) => error.instancePath !== at);
    const notType = candidates.filter((error) => error.keyword !== 'type');
    const chosen = deeper.length > 0 ? deeper : notType.length > 0 ? notType : candidates.slice(0, 1);
    remaining = remaining.filter((error) => error !== alternative && !within(error)).concat(chosen.length > 0 ? chosen : [alternative]);
  }
  return remaining;
}

/** Validates a file's value against its schema and returns the diagnostics (empty when valid). */
export function schemaDiagnostics(file: ParsedFile): Diagnostic[] {
  const validate = schemaValidator(file.role);
  if (validate(file.value)) return [];
  return mergeMisspelledRequired(collapseAlternatives([...(validate.errors ?? [])])).map((error) => messageFor(file, error));
}

/**
 * A misspelled required key (`modl:` for `model:`) fails twice: the unknown key and the missing one.
 * That is one mistake, so the "missing" error is dropped when an unknown key in the same mapping is
 * closest to it; the unknown-key diagnostic's hint names the required key.
 */
function mergeMisspelledRequired(errors: ErrorObject[]): ErrorObject[] {
  const unknownKeys = errors.filter((error) => error.keyword === 'additionalProperties');
  return errors.filter((error) => {
    if (error.keyword !== 'required') return true;
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return !unknownKeys.some((unknown) => {
      if (unknown.instancePath !== error.instancePath) return false;
      const key = (unknown.params as { additionalProperty: string }).additionalProperty;
      return closestMatch(key, Object.keys((unknown.parentSchema as SchemaNode | undefined)?.properties ?? {})) === missing;
    });
  });
}
