/** Kubernetes object names built from config names, kept within the length Kubernetes allows. */

/** Longest DNS-1123 label (most object names and every label value). */
export const MAX_DNS_LABEL = 63;

/** Longest name of a CronJob or CronWorkflow: the controller appends an 11-character suffix to the jobs it creates. */
export const MAX_CRON_NAME = 52;

/** FNV-1a over UTF-16 code units, as 8 hex digits: a short, stable, dependency-free fingerprint. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Joins name parts with `-`; when the result is longer than `max`, keeps a prefix and appends a hash of
 * the whole name, so distinct inputs stay distinct and the same input always gives the same name.
 * The parts are already DNS labels (validated), so only the length needs care.
 */
export function dnsName(parts: readonly string[], max: number = MAX_DNS_LABEL): string {
  const joined = parts.filter((part) => part !== '').join('-');
  if (joined.length <= max) return joined;
  const suffix = shortHash(joined);
  const prefix = joined.slice(0, max - suffix.length - 1).replace(/[-.]+$/, '');
  return `${prefix}-${suffix}`;
}
