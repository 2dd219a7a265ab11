/** The `/mlops report` handler with in-memory ports and a real deploy-repo folder. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleReportCommand, REPORT_COMMAND_USAGE, type ReportCommandPorts } from '../../../bot/report/report-command.ts';
import { REPORT_MARKER } from '../../../compiler/report/render/render-report.ts';
import { scenarioTrail, UNTIL } from '../../report/scenario.ts';
import { trailFiles } from '../../report/trail-builder.ts';

let deploy: string;

beforeAll(async () => {
  deploy = await mkdtemp(join(tmpdir(), 'mlops-bot-report-'));
  await mkdir(join(deploy, 'audit'));
  for (const file of trailFiles(scenarioTrail())) await writeFile(join(deploy, file.path), file.content);
});

afterAll(async () => {
  if (deploy) await rm(deploy, { recursive: true, force: true });
});

function ports(overrides: Partial<ReportCommandPorts> = {}) {
  const comments = new Map<string, string>();
  const calls: string[] = [];
  const value: ReportCommandPorts = {
    deployRepoPath: async () => deploy,
    upsertComment: async (issue, marker, body) => {
      calls.push(`${issue}`);
      comments.set(`${issue}:${marker}`, body);
    },
    now: () => UNTIL,
    ...overrides,
  };
  return { value, comments, calls };
}

describe('/mlops report', () => {
  it('posts the Markdown report as one sticky comment, updated in place on the next command', async () => {
    const { value, comments, calls } = ports();
    expect(await handleReportCommand({ issueNumber: 7, args: [] }, value)).toEqual({ status: 'posted', changesShown: 5 });
    expect(await handleReportCommand({ issueNumber: 7, args: ['--since', '2026-03-01'] }, value)).toEqual({ status: 'posted', changesShown: 1 });
    expect(calls).toEqual(['7', '7']);
    const body = comments.get(`7:${REPORT_MARKER}`)!;
    expect(body.startsWith(REPORT_MARKER)).toBe(true);
    expect(body).toContain('2026-03-01 to 2026-03-31');
    expect(body).toContain('| Model deployment success |');
  });

  it('rejects arguments it does not know, answering with the usage, and never reads the repo', async () => {
    const { value, comments } = ports({ deployRepoPath: async () => { throw new Error('must not be called'); } });
    const result = await handleReportCommand({ issueNumber: 3, args: ['--since', '$(rm -rf /)'] }, value);
    expect(result).toEqual({ status: 'rejected', reason: REPORT_COMMAND_USAGE });
    expect(comments.get(`3:${REPORT_MARKER}`)).toBe(`${REPORT_MARKER}\n${REPORT_COMMAND_USAGE}\n`);
  });

  it('an unreachable Prometheus is reported in the comment, not thrown', async () => {
    const { value, comments } = ports({ prometheusUrl: 'http://127.0.0.1:9/' });
    const result = await handleReportCommand({ issueNumber: 4, args: [] }, value);
    expect(result.status).toBe('rejected');
    expect(comments.get(`4:${REPORT_MARKER}`)).toMatch(/^<!-- mlops-rollout-report -->\n⚠️ The rollout report could not be made: Prometheus at http:\/\/127\.0\.0\.1:9\/ cannot be reached: .+\n$/);
  });
});
