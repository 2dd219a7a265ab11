import { afterEach, describe, expect, it } from 'vitest';
import { TARGET, assertAllMocksUsed } from './support/bot-harness.ts';
import { TEAM_FILE, teamWithCanary } from './support/config-fixture.ts';
import { type Scenario, scenario } from './support/scenario.ts';
import { commentPayload } from './support/webhook-payloads.ts';

let world: Scenario;

afterEach(async () => {
  await world.close();
});

async function comment(body: string, commenter = 'dana', id = 555): Promise<void> {
  await world.bot.deliver('issue_comment', commentPayload(TARGET, 7, commenter, body, id));
}

describe('/mlops commands', () => {
  it('a user without write access is refused: 👎, nothing runs', async () => {
    world = await scenario();
    await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.permissions.eve = 'read';
    world.github.install(['permission', 'reaction']);
    await comment('/mlops plan', 'eve');
    expect(world.github.reactions).toEqual([{ commentId: 555, content: '-1' }]);
    expect(world.github.checkRuns).toEqual([]);
    expect(world.bot.handled[0]?.outcome).toBe('refused');
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('/mlops plan by a writer: 👀, then the checks and the comment', async () => {
    world = await scenario();
    const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
    world.github.permissions.dana = 'write';
    world.github.install(['permission', 'reaction', 'getPull', 'listCheckRuns', 'createCheckRun', 'listReviews', 'listComments', 'createComment', 'updateCheckRun']);
    await comment('Looks odd, let me re-run.\n/mlops plan');
    expect(world.github.reactions).toEqual([{ commentId: 555, content: 'eyes' }]);
    expect(world.github.runs('mlops/validate', head)[0]?.conclusion).toBe('success');
    expect(world.github.comments).toHaveLength(1);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('/mlops help lists the commands; an unknown command gets the help', async () => {
    world = await scenario();
    world.github.permissions.dana = 'maintain';
    world.github.install(['permission', 'reaction', 'createComment']);
    await comment('/mlops help');
    await comment('/mlops frobnicate now', 'dana', 556);
    const [help, unknown] = world.github.comments;
    expect(help?.body).toContain('| `/mlops plan` |');
    expect(help?.body).toContain('| `/mlops help` |');
    expect(unknown?.body.startsWith('Unknown command <code>/mlops frobnicate</code>.')).toBe(true);
    expect(world.bot.handled.map((event) => event.outcome)).toEqual(['ran', 'help']);
    expect(assertAllMocksUsed()).toEqual([]);
  });

  it('ignores comments without a command and comments by bots', async () => {
    world = await scenario();
    await comment('LGTM, but see /mlops docs');
    const payload = commentPayload(TARGET, 7, 'other-bot[bot]', '/mlops plan', 557);
    payload.comment.user.type = 'Bot';
    await world.bot.deliver('issue_comment', payload);
    expect(world.github.requests).toEqual([]);
    expect(world.bot.handled).toEqual([]);
  });
});
