/** The clone-backed readers the bot core can inject: config tree and files at a SHA, and the deploy clone's trail. */
import { afterAll, describe, expect, it } from 'vitest';
import { cloneConfigReader, cloneTrailReader } from '../../../bot/promote/git-clone-readers.ts';
import { FRAUD_TEAM_FILE } from '../../promote/support/sample-org.ts';
import { buildTrail, hoursAfterStart as at } from '../../promote/support/trail.ts';
import { deployRepo, removeAll, sampleConfigRepo, tempDir } from '../../cli/promote/support.ts';

const made: string[] = [];
afterAll(async () => removeAll(made));

describe('clone readers', () => {
  it('read the config repo at the default branch and at a SHA, and the trail of a deploy clone', async () => {
    const config = await tempDir('mlops-bot-config-');
    const deploy = await tempDir('mlops-bot-deploy-');
    made.push(config, deploy);
    const sha = await sampleConfigRepo(config);
    const reader = cloneConfigReader(`${config}/config`, 'main');
    expect(await reader.defaultBranch()).toEqual({ name: 'main', sha });
    expect((await reader.sourceTreeAt(sha)).files.map((file) => file.path)).toContain('teams/fraud/mlops.yaml');
    expect(await reader.readFileAt(sha, 'teams/fraud/mlops.yaml')).toBe(FRAUD_TEAM_FILE);
    expect(await reader.readFileAt(sha, 'teams/nobody/mlops.yaml')).toBeUndefined();
    expect(await reader.readFileAt('--output=/tmp/x', 'teams/fraud/mlops.yaml')).toBeUndefined();
    const entries = buildTrail([{ event: 'deploy', time: at(0), sha, changes: [{ environment: 'prod', version: '1.4.0' }] }]);
    await deployRepo(deploy, entries);
    expect(await cloneTrailReader(deploy).read()).toEqual(entries);
  });
});
