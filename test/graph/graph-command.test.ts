import { describe, expect, it } from 'vitest';
import { main } from '../../compiler/cli/main.ts';
import { captureIO } from '../cli/capture-io.ts';
import { writeTempRepo } from '../cli/temp-repo.ts';
import { EXAMPLE_PLATFORM, EXAMPLE_TEAM } from '../emit/pipelines/example-org.ts';

describe('mlops graph', () => {
  it('prints the lineage of the repo as Mermaid', async () => {
    const root = await writeTempRepo({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM });
    const captured = captureIO(root);
    expect(await main(['graph'], captured.io)).toBe(0);
    expect(captured.out()).toMatch(/^flowchart LR\n/);
    expect(captured.out()).toContain('  pl2 -->|"r-2026-10-01"| mv1\n');
    expect(captured.err()).toBe('');
  });

  it('narrows to a team and wraps in a Markdown fence on request', async () => {
    const root = await writeTempRepo({ 'config/platform.yaml': EXAMPLE_PLATFORM, 'config/teams/fraud/mlops.yaml': EXAMPLE_TEAM });
    const captured = captureIO(root);
    expect(await main(['graph', 'config', '--team', 'fraud', '--markdown'], captured.io)).toBe(0);
    expect(captured.out()).toMatch(/^```mermaid\nflowchart LR\n[\s\S]*\n```\n$/);
  });

  it('rejects an unknown team with a suggestion (exit 2)', async () => {
    const root = await writeTempRepo({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM });
    const captured = captureIO(root);
    expect(await main(['graph', '--team', 'frau'], captured.io)).toBe(2);
    expect(captured.err()).toContain('Unknown team `frau`. Did you mean `fraud`?');
    expect(captured.out()).toBe('');
  });

  it('prints diagnostics at file:line:column and no graph when the config has errors (exit 1)', async () => {
    const root = await writeTempRepo({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM.replace('model: fraud-detector', 'model: fraud-detectr') });
    const captured = captureIO(root);
    expect(await main(['graph'], captured.io)).toBe(1);
    expect(captured.out()).toBe('');
    expect(captured.err()).toMatch(/teams\/fraud\/mlops\.yaml:\d+:\d+/);
    expect(captured.err()).toContain('ML302');
  });
});
