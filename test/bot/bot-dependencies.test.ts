import { describe, expect, it } from 'vitest';
import { defaultDependencies } from '../../bot/bot-dependencies.ts';
import { NO_PACING } from '../../bot/forge/write-pacer.ts';

describe('defaultDependencies', () => {
  it('paces writes in production unless told not to', () => {
    expect(defaultDependencies({}, {}).pacer).not.toBe(NO_PACING);
    expect(defaultDependencies({}, { MLOPS_BOT_WRITE_INTERVAL_MS: '0' }).pacer).toBe(NO_PACING);
  });

  it('keeps what the caller injects', () => {
    const clock = () => new Date(0);
    const dependencies = defaultDependencies({ clock, pacer: NO_PACING });
    expect(dependencies.clock).toBe(clock);
    expect(dependencies.pacer).toBe(NO_PACING);
  });
});
