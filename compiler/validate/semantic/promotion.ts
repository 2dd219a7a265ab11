/** Promotion between environments is a chain: no environment promotes from itself, directly or through others (ML320). */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { PlatformIndex } from './platform-index.ts';

/** Promotion-cycle checks of platform.yaml. */
export function promotionDiagnostics(index: PlatformIndex): Diagnostic[] {
  const file = index.file;
  if (!file) return [];
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const start of index.environmentNames) {
    if (reported.has(start)) continue;
    const chain = [start];
    let current = index.environments.get(start)?.config.promotion?.from;
    while (current !== undefined && index.environments.has(current) && !chain.includes(current)) {
      chain.push(current);
      current = index.environments.get(current)?.config.promotion?.from;
    }
    if (current !== start) continue;
    for (const name of chain) reported.add(name);
    const path = ['environments', start, 'promotion', 'from'];
    const message =
      chain.length === 1
        ? `Environment \`${start}\` promotes from itself.`
        : `Promotion runs in a cycle: ${[...chain, start].join(' ← ')}; no version could ever enter it.`;
    diagnostics.push(diagnosticAt(file, path, 'ML320', message, { hint: 'Make promotion a chain, e.g. dev → staging → prod.' }));
  }
  return diagnostics;
}
