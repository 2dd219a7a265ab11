import { describe, expect, it } from 'vitest';
import { hasValidSignature, printableHeader } from '../../../bot/server/verify-delivery.ts';
import { signature } from './support/webhook-delivery.ts';

describe('hasValidSignature', () => {
  const body = Buffer.from('{"action":"opened"}');

  it('accepts the HMAC-SHA256 GitHub sends', () => {
    expect(hasValidSignature(body, signature(body.toString(), 'secret'), 'secret')).toBe(true);
  });

  it('refuses another secret, another body, a missing or a malformed header', () => {
    expect(hasValidSignature(body, signature(body.toString(), 'other'), 'secret')).toBe(false);
    expect(hasValidSignature(Buffer.from('{"action":"closed"}'), signature(body.toString(), 'secret'), 'secret')).toBe(false);
    expect(hasValidSignature(body, undefined, 'secret')).toBe(false);
    expect(hasValidSignature(body, 'sha1=0123', 'secret')).toBe(false);
    expect(hasValidSignature(body, 'sha256=short', 'secret')).toBe(false);
  });
});

describe('printableHeader', () => {
  it('keeps printable ASCII, replaces the rest, and caps the length', () => {
    expect(printableHeader('72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBe('72d3162e-cc78-11e3-81ab-4c9367dc0958');
    expect(printableHeader('push\u001b[31m\n')).toBe('push?[31m?');
    expect(printableHeader('x'.repeat(500))).toHaveLength(100);
    expect(printableHeader(undefined)).toBe('');
  });
});
