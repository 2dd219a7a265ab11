/**
 * Webhook deliveries are read and their signature checked before Probot sees them: a forged or
 * oversized delivery is answered with one short log line and never parsed, logged in full or handled.
 * (Probot checks the signature again; that is harmless.)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** GitHub caps webhook payloads at 25 MB. */
export const defaultMaxPayloadBytes = 25 * 1024 * 1024;

/** Whether `signatureHeader` (`X-Hub-Signature-256`) is the HMAC-SHA256 of `body` under `secret`. */
export function hasValidSignature(body: Buffer, signatureHeader: string | undefined, secret: string): boolean {
  if (!signatureHeader?.startsWith('sha256=')) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(signatureHeader);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The request body, or `undefined` once it exceeds `maxBytes` (the rest is not buffered). */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A header value fit for a log line: printable ASCII only, at most 100 characters. */
export function printableHeader(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
}
