/**
 * Test support: GitHub's official OpenAPI description (`@octokit/openapi`), loaded once per process and
 * per flavour, normalised for ajv, with operations found by method and concrete path.
 *
 * The non-dereferenced description is used (13 MB instead of 73 MB): its `components` are registered
 * once with ajv under an `$id`, and operation schemas refer to them through that id, so ajv compiles
 * only what an operation actually reaches, on first use.
 *
 * The description is OpenAPI 3.0.3, whose schemas are a draft-04-like subset plus `nullable`. With
 * `nullable` rewritten to JSON Schema types, ajv's default draft (07) validates them as written: the
 * description uses no boolean `exclusiveMinimum`/`exclusiveMaximum`, the one draft-04 construct draft 07
 * reads differently. Unknown keywords (`example`, `x-github`, …) are ignored (`strict: false`).
 *
 * Measured here: loading api.github.com takes ~0.3 s standalone (~0.55 s in a busy vitest fork), the
 * first check of an operation compiles its schemas in ~0.1 s, a cached request + response check ~0.2 ms.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Which description to check against: github.com or a GitHub Enterprise Server release. */
export type GitHubFlavour = 'api.github.com' | 'ghes-3.19' | 'ghes-3.18' | 'ghes-3.17';

type JsonObject = Record<string, unknown>;

/** One OpenAPI parameter after `$ref` resolution. */
export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

/** One operation of the description: its template, parameters, request body and responses. */
export interface Operation {
  method: string;
  template: string;
  operationId: string;
  parameters: OperationParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonObject; examples?: JsonObject }> }>;
}

/** The outcome of looking up a concrete request path. */
export type OperationLookup =
  | { kind: 'found'; operation: Operation; pathParameters: Record<string, string> }
  | { kind: 'unknown-path' }
  | { kind: 'wrong-method'; template: string; allowedMethods: string[] };

interface PathTemplate {
  template: string;
  names: string[];
  exact: RegExp;
  greedy: RegExp;
  literalSegments: number;
}

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const componentsId = 'https://github-openapi.test/components.json';
const require = createRequire(import.meta.url);

/** OpenAPI 3.0 `nullable` → JSON Schema: ajv rejects `nullable` without `type`, and ignores it in `enum`. */
function normaliseNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) normaliseNullable(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonObject;
  for (const value of Object.values(schema)) normaliseNullable(value);
  if (schema.nullable !== true) return;
  delete schema.nullable;
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  } else if (schema.type === undefined) {
    const rest = { ...schema };
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [{ type: 'null' }, rest];
  }
}

/** Point every local `#/components/...` reference of an operation schema at the registered components. */
export function rebaseReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebaseReferences);
  if (node === null || typeof node !== 'object') return node;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) {
    result[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')
        ? `${componentsId}${value}`
        : rebaseReferences(value);
  }
  return result;
}

function pathTemplate(template: string): PathTemplate {
  const names: string[] = [];
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = template.split(/(\{[^}]+\})/);
  const last = parts.length - 2;
  const build = (slashes: boolean) =>
    parts
      .map((part, index) => {
        if (!part.startsWith('{')) return escapeRegExp(part);
        // Only a trailing file path or git ref may span segments (`contents/{path}`, `git/ref/{ref}`).
        return slashes && index === last && parts[last + 1] === '' && /^\{(path|ref)\}$/.test(part) ? '(.+)' : '([^/]+)';
      })
      .join('');
  for (const part of parts) if (part.startsWith('{')) names.push(part.slice(1, -1));
  const literalSegments = template.split('/').filter((segment) => segment !== '' && !segment.includes('{')).length;
  return {
    template,
    names,
    exact: new RegExp(`^${build(false)}$`),
    greedy: new RegExp(`^${build(true)}$`),
    literalSegments,
  };
}

/** A loaded description: operation lookup and cached validators. */
export class OpenApiDescription {
  /** The ajv instance for bodies (no coercion). */
  readonly bodyAjv: Ajv;
  /** The ajv instance for path and query parameters (strings coerced to the declared type). */
  readonly parameterAjv: Ajv;
  /** Milliseconds spent reading, parsing and normalising the description. */
  readonly loadMilliseconds: number;
  private readonly document: JsonObject;
  private readonly templates: PathTemplate[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly flavour: GitHubFlavour) {
    const started = performance.now();
    const file = path.join(path.dirname(require.resolve('@octokit/openapi/package.json')), 'generated', `${flavour}.json`);
    this.document = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
    const components = this.document.components as JsonObject;
    normaliseNullable(components.schemas);
    normaliseNullable(this.document.paths);
    this.templates = Object.keys(this.document.paths as JsonObject).map(pathTemplate);
    this.bodyAjv = this.createAjv(false);
    this.parameterAjv = this.createAjv(true);
    this.loadMilliseconds = performance.now() - started;
  }

  private createAjv(coerce: boolean): Ajv {
    const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true, coerceTypes: coerce ? 'array' : false, logger: false });
    addFormats.default(ajv);
    for (const format of ['int32', 'int64', 'double', 'repo.nwo', 'uri-template', 'timestamp', 'binary']) {
      ajv.addFormat(format, true);
    }
    ajv.addSchema({ $id: componentsId, components: { schemas: (this.document.components as JsonObject).schemas } });
    return ajv;
  }

  /** Resolve a `#/components/...` reference (parameters, responses, examples) to its object. */
  resolve<T>(value: T | { $ref: string }): T {
    let current: unknown = value;
    while (current !== null && typeof current === 'object' && '$ref' in current) {
      const pointer = String((current as { $ref: string }).$ref).replace(/^#\//, '').split('/');
      current = pointer.reduce<unknown>((node, key) => (node as JsonObject)[key.replaceAll('~1', '/').replaceAll('~0', '~')], this.document);
    }
    return current as T;
  }

  /** Find the operation for a method and an API path (without base path or query). */
  lookup(method: string, apiPath: string): OperationLookup {
    const matches = [...this.match(apiPath, 'exact'), ...this.match(apiPath, 'greedy')];
    if (matches.length === 0) return { kind: 'unknown-path' };
    const paths = this.document.paths as Record<string, JsonObject>;
    for (const { template, values } of matches) {
      const item = paths[template.template]!;
      const raw = item[method.toLowerCase()] as JsonObject | undefined;
      if (!raw) continue;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((raw.parameters as unknown[]) ?? [])].map(
        (parameter) => this.resolve(parameter as OperationParameter),
      );
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries((raw.responses as JsonObject) ?? {})) {
        responses[status] = this.resolve(response as Operation['responses'][string]);
      }
      const pathParameters: Record<string, string> = {};
      template.names.forEach((name, index) => {
        pathParameters[name] = values[index]!;
      });
      const operation: Operation = {
        method: method.toUpperCase(),
        template: template.template,
        operationId: String(raw.operationId),
        parameters,
        responses,
      };
      if (raw.requestBody) operation.requestBody = this.resolve(raw.requestBody as Operation['requestBody'] & object);
      return { kind: 'found', operation, pathParameters };
    }
    const first = matches[0]!.template.template;
    const allowedMethods = Object.keys(paths[first]!).filter((key) => httpMethods.includes(key)).map((key) => key.toUpperCase());
    return { kind: 'wrong-method', template: first, allowedMethods };
  }

  private match(apiPath: string, mode: 'exact' | 'greedy') {
    const found: { template: PathTemplate; values: string[] }[] = [];
    for (const template of this.templates) {
      const result = template[mode].exec(apiPath);
      if (result) found.push({ template, values: result.slice(1) });
    }
    return found.sort((a, b) => b.template.literalSegments - a.template.literalSegments);
  }

  /** A compiled validator, cached by key; `schema` is only built on a cache miss. */
  validator(key: string, coerce: boolean, schema: () => unknown): ValidateFunction {
    const cacheKey = `${coerce ? 'parameters' : 'body'} ${key}`;
    let validate = this.validators.get(cacheKey);
    if (!validate) {
      validate = (coerce ? this.parameterAjv : this.bodyAjv).compile(rebaseReferences(schema()) as JsonObject);
      this.validators.set(cacheKey, validate);
    }
    return validate;
  }
}

const loaded = new Map<GitHubFlavour, OpenApiDescription>();

/** The description of a flavour, loaded on first use and kept for the life of the process. */
export function openApiDescription(flavour: GitHubFlavour): OpenApiDescription {
  let description = loaded.get(flavour);
  if (!description) {
    description = new OpenApiDescription(flavour);
    loaded.set(flavour, description);
  }
  return description;
}
