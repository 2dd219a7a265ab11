/** Durations of `promotion.soak` (`30m`, `24h`, `7d`) as milliseconds, and elapsed times in plain words. */

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of a duration such as `24h`, or undefined when it is not one (validation reports ML312). */
export function durationMs(duration: string): number | undefined {
  const match = /^([0-9]+)([smhd])$/.exec(duration);
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : undefined;
}

/** An elapsed time in at most two units, rounded down: `3h 12m`, `2d 4h`, `45m`, `0s`. */
export function formatElapsed(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1_000));
  const parts: string[] = [];
  for (const [unit, seconds] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    const amount = Math.floor(rest / seconds);
    rest -= amount * seconds;
    if (amount > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${amount}${unit}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((part, index) => index === 0 || !part.startsWith('0'));
  return shown.length > 0 ? shown.join(' ') : '0s';
}
