/** "Did you mean …" suggestions for misspelled keys, values and references. */

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** The candidate closest to `input` when it is close enough to be a likely typo, else undefined. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** Formats a list of names as `a`, `b` and `c` (at most `limit`, then "…"). */
export function formatList(names: readonly string[], limit = 12): string {
  const shown = names.slice(0, limit).map((name) => `\`${name}\``);
  if (names.length > limit) shown.push('…');
  return shown.join(', ');
}

/** A hint naming the closest candidate, or listing the candidates when none is close. */
export function suggestionHint(input: string, candidates: readonly string[]): string | undefined {
  const closest = closestMatch(input, candidates);
  if (closest !== undefined) return `Did you mean \`${closest}\`?`;
  return candidates.length > 0 ? `Expected one of ${formatList(candidates)}.` : undefined;
}
