/**
 * The drift check's own failures: a bad config, an unreadable source, a malformed record, a refused
 * push. `main.ts` prints the message on one line and exits non-zero; anything else thrown is a bug.
 */

/** A failure of the drift check that is not a bug: printed as one line, never with a stack trace. */
export class DriftCheckError extends Error {
  override readonly name = 'DriftCheckError';
}

/** A config that does not describe a runnable check; `problems` lists every issue as `path: message`. */
export class DriftConfigError extends DriftCheckError {
  constructor(readonly problems: readonly string[]) {
    super(`invalid drift-check config: ${problems.join('; ')}`);
  }
}

/** Quotes a value from config or data for a message: JSON, so no control character is printed raw; strings in quotes, others as JSON. */
export function quote(value: unknown, max = 80): string {
  if (typeof value === 'string') return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  const json = String(JSON.stringify(value));
  return json.length > max ? `${json.slice(0, max)}…` : json;
}

/** Why a network call failed, from a fetch error's cause (`ECONNREFUSED`, `ENOTFOUND`, a timeout). */
export function networkReason(error: unknown): string {
  const own = (error as { code?: unknown })?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } })?.cause;
  return cause?.code ?? cause?.errors?.find((inner) => inner.code)?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
