/** GitHub logins compared the way GitHub does: without a leading `@`, case-insensitively. Pure. */

/** `@Alice` and `alice` → `alice`. */
export function loginKey(login: string): string {
  return (login.charCodeAt(0) === 64 ? login.slice(1) : login).toLowerCase();
}
