/**
 * Whether a Node version satisfies an `engines.node` range, for the forms packages here use:
 * `||` alternatives of space-separated comparators (`>=`, `>`, `<=`, `<`, `=`), caret ranges
 * (`^20.19.0`), wildcards (`*`, `6.*`, `10.x`) and bare versions. Anything else throws, so a new form
 * is noticed rather than misread.
 */

type Version = readonly [number, number, number];

function parseVersion(text: string): { readonly version: Version; readonly parts: number } {
  const match = /^v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?$/.exec(text.trim());
  if (!match) throw new Error(`node-range: cannot read version "${text}"`);
  const numbers = [match[1], match[2], match[3]].filter((part) => part !== undefined && part !== 'x' && part !== '*').map(Number);
  return { version: [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0], parts: numbers.length };
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function satisfiesComparator(version: Version, comparator: string): boolean {
  if (comparator === '*' || comparator === '') return true;
  const match = /^(>=|<=|>|<|=|\^)?\s*(.+)$/.exec(comparator)!;
  const operator = match[1] ?? '=';
  const { version: bound, parts } = parseVersion(match[2]!);
  const order = compare(version, bound);
  switch (operator) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
    case '^':
      return order >= 0 && version[0] === bound[0];
    default:
      // `20` or `6.*`: the same leading parts.
      return bound.slice(0, Math.max(parts, 1)).every((part, index) => version[index] === part) && (parts === 3 ? order === 0 : true);
  }
}

/** True when `version` (`20.19.0`, `v22.12.0`) satisfies `range`. */
export function satisfiesNodeRange(version: string, range: string): boolean {
  const parsed = parseVersion(version).version;
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^)\s+/g, '$1').split(/\s+/);
    return comparators.every((comparator) => satisfiesComparator(parsed, comparator));
  });
}
