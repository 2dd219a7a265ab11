/**
 * A real HTTP server on 127.0.0.1 standing in for a Kubernetes API server's Workflow endpoint: it
 * records each POST, answers 401 without the expected bearer token, 201 to a new Workflow name and
 * 409 (AlreadyExists) to a name it has seen.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown>;
}

/** A running stand-in API server. */
export interface FakeApiServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the server; `token` is the bearer token it accepts. */
export async function startFakeApiServer(token: string): Promise<FakeApiServer> {
  const requests: RecordedRequest[] = [];
  const names = new Set<string>();
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      requests.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization, body });
      const status = (code: number, message: string) => response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code }));
      if (request.headers.authorization !== `Bearer ${token}`) return status(401, 'Unauthorized');
      const name = (body.metadata as { name?: string } | undefined)?.name ?? '';
      if (names.has(name)) return status(409, `workflows.argoproj.io "${name}" already exists`);
      names.add(name);
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
