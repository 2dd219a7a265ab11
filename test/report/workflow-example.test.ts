/** The documented GitHub Actions workflow parses and calls `mlops report` with flags it accepts. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { command } from '../../compiler/cli/commands/report.ts';
import { parseCommandArgs } from '../../compiler/cli/parse-args.ts';

describe('docs/examples/rollout-dashboard.yml', () => {
  it('runs weekly, publishes to Pages, and its mlops report calls parse', async () => {
    const workflow = parse(await readFile(new URL('../../docs/examples/rollout-dashboard.yml', import.meta.url), 'utf8')) as { on: { schedule: { cron: string }[] }; permissions: Record<string, string>; jobs: { render: { steps: { run?: string; uses?: string }[] } } };
    expect(workflow.on.schedule[0]!.cron).toBe('0 6 * * 1');
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const steps = workflow.jobs.render.steps;
    expect(steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    const calls = steps.flatMap((step) => (step.run ?? '').split('\n')).filter((line) => line.includes('mlops.js report'));
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      const args = call.replace(/\$\{PROMETHEUS_URL:\+--prometheus "\$PROMETHEUS_URL"\}/, '--prometheus http://prometheus:9090').trim().split(/\s+/).slice(3);
      const parsed = parseCommandArgs(command, args);
      expect(parsed.positionals).toEqual(['deploy']);
      expect(parsed.values).toMatchObject({ config: 'config', prometheus: 'http://prometheus:9090' });
    }
  });
});
