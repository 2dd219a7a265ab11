/**
 * Maps that become Kubernetes labels or node selectors verbatim (platform `monitoring.selectorLabels`,
 * a cluster's `nodeSelector`): every key must be a label key (`[prefix/]name`) and every value a label
 * value, or the API server refuses the object; a key such as `__proto__` never reaches a manifest (ML332).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { DataPath, ParsedFile } from '../../load/parsed-file.ts';

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/** Why `key` is not a Kubernetes label key, or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) return 'its prefix is not a DNS subdomain';
  if (!NAME.test(name)) return 'the name must be at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit';
  return undefined;
}

/** ML332 for every key or value of a label map that Kubernetes would refuse. */
export function labelMapDiagnostics(file: ParsedFile, path: DataPath, labels: Readonly<Record<string, string>> | undefined, what: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const key of Object.keys(labels ?? {})) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      diagnostics.push(diagnosticAt(file, [...path, key], 'ML332', `${what} key ${JSON.stringify(key)} is not a Kubernetes label key: ${keyProblem}.`, { target: 'key', hint: 'Use a key like `release` or `example.com/tier`.' }));
      continue;
    }
    const value = labels![key]!;
    if (!VALUE.test(value)) diagnostics.push(diagnosticAt(file, [...path, key], 'ML332', `${what} value ${JSON.stringify(value)} of \`${key}\` is not a Kubernetes label value: at most 63 letters, digits, \`-\`, \`_\` or \`.\`, starting and ending with a letter or digit.`, { hint: 'Shorten or simplify the value.' }));
  }
  return diagnostics;
}
