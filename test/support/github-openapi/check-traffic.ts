/**
 * Test support: check one request or one mocked response against an operation of GitHub's OpenAPI
 * description. Returns problems as data (JSON pointer + message); the caller adds method and path.
 */
import type { ErrorObject } from 'ajv';
import type { OpenApiDescription, Operation, OperationParameter } from './openapi-description.ts';

/** One way in which a request or response does not match the description. */
export interface TrafficProblem {
  /** Where: `path`, `query`, `body` or `response <status>`. */
  part: string;
  /** JSON pointer inside that part ('' for the part itself). */
  pointer: string;
  message: string;
}

/** Statuses any endpoint may answer with although few operations document them (outages, rate limits). */
function isInfrastructureStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

function describeError(error: ErrorObject): { pointer: string; message: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return { pointer: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not a known property' };
  }
  if (error.keyword === 'required') {
    return { pointer: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required but missing' };
  }
  if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
    return { pointer: error.instancePath, message: `must be one of ${allowed}` };
  }
  return { pointer: error.instancePath, message: error.message ?? error.keyword };
}

/** anyOf/oneOf report every branch's errors; keep the summary line and the most specific errors. */
function problemsFrom(part: string, errors: ErrorObject[] | null | undefined): TrafficProblem[] {
  const seen = new Set<string>();
  const problems: TrafficProblem[] = [];
  for (const error of errors ?? []) {
    const { pointer, message } = describeError(error);
    const key = `${pointer} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ part, pointer, message });
  }
  return problems;
}

function parameterSchema(parameters: OperationParameter[], location: 'path' | 'query', strict: boolean) {
  const relevant = parameters.filter((parameter) => parameter.in === location);
  return {
    type: 'object',
    properties: Object.fromEntries(relevant.map((parameter) => [parameter.name, parameter.schema ?? {}])),
    required: relevant.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    additionalProperties: !strict,
  };
}

/** Check path parameters, query parameters and the JSON body of a request. */
export function checkRequest(
  description: OpenApiDescription,
  operation: Operation,
  pathParameters: Record<string, string>,
  query: URLSearchParams,
  bodyText: string,
): TrafficProblem[] {
  const problems: TrafficProblem[] = [];
  const key = `${operation.method} ${operation.template}`;
  const decoded = Object.fromEntries(Object.entries(pathParameters).map(([name, value]) => [name, decodeURIComponent(value)]));
  const validatePath = description.validator(`${key} path`, true, () => parameterSchema(operation.parameters, 'path', true));
  if (!validatePath(decoded)) problems.push(...problemsFrom('path', validatePath.errors));

  const queryValues: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    queryValues[name] = values.length === 1 ? values[0]! : values;
  }
  const validateQuery = description.validator(`${key} query`, true, () => parameterSchema(operation.parameters, 'query', true));
  if (!validateQuery(queryValues)) problems.push(...problemsFrom('query', validateQuery.errors));

  const jsonBody = operation.requestBody?.content?.['application/json'];
  if (bodyText === '') {
    if (operation.requestBody?.required) problems.push({ part: 'body', pointer: '', message: 'a request body is required' });
    return problems;
  }
  if (!operation.requestBody) {
    problems.push({ part: 'body', pointer: '', message: 'this operation takes no request body' });
    return problems;
  }
  if (!jsonBody?.schema) return problems;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return [...problems, { part: 'body', pointer: '', message: 'is not valid JSON' }];
  }
  const validateBody = description.validator(`${key} body`, false, () => jsonBody.schema);
  if (!validateBody(body)) problems.push(...problemsFrom('body', validateBody.errors));
  return problems;
}

/** Check a mocked response (status and body) against the responses the operation documents. */
export function checkResponse(
  description: OpenApiDescription,
  operation: Operation,
  status: number,
  body: unknown,
): TrafficProblem[] {
  const part = `response ${status}`;
  const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in operation.responses);
  if (statusKey === undefined) {
    if (isInfrastructureStatus(status)) return [];
    const documented = Object.keys(operation.responses).join(', ');
    return [{ part, pointer: '', message: `status ${status} is not documented (documented: ${documented})` }];
  }
  const schema = operation.responses[statusKey]?.content?.['application/json']?.schema;
  const empty = body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0);
  if (!schema) {
    return empty ? [] : [{ part, pointer: '', message: 'has a body, but the operation documents none for this status' }];
  }
  let data = body;
  if (Buffer.isBuffer(data)) data = data.toString('utf8');
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return [{ part, pointer: '', message: 'is not valid JSON' }];
    }
  }
  const validate = description.validator(`${operation.method} ${operation.template} ${part}`, false, () => schema);
  return validate(data) ? [] : problemsFrom(part, validate.errors);
}
