/**
 * A POST of JSON to a Kubernetes API server with a bearer token and, for https, the cluster's CA
 * (node:https, since the global fetch cannot take a CA). Only what submitting a Workflow needs.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How to authenticate to one API server. */
export interface ApiCredentials {
  readonly token: string;
  /** PEM bundle of the CAs the server's certificate chains to; undefined: the system CAs. */
  readonly ca?: string;
}

/** Status and body of an API response. */
export interface ApiResponse {
  readonly status: number;
  readonly body: string;
}

/** Posts JSON to an API server. */
export type PostJson = (url: string, body: unknown, credentials: ApiCredentials) => Promise<ApiResponse>;

/** Largest response body kept (a Status object is small). */
const MAX_RESPONSE = 64 * 1024;

/** {@link PostJson} over node:http(s), with a 30 s timeout. */
export const postJson: PostJson = (url, body, credentials) =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const call = send(
      target,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${credentials.token}`, 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(payload) },
        ...(target.protocol === 'https:' && credentials.ca ? { ca: credentials.ca } : {}),
        timeout: 30_000,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < MAX_RESPONSE) text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    call.on('timeout', () => call.destroy(new Error('timed out after 30 s')));
    call.on('error', reject);
    call.end(payload);
  });
