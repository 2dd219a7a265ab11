import { it } from 'vitest';
import { scenario } from './support/scenario.ts';
import { TEAM_FILE, teamWithCanary } from './support/config-fixture.ts';
it('timing', async () => {
  let t = performance.now();
  const world = await scenario();
  console.log('setup', performance.now() - t); t = performance.now();
  const head = await world.push({ [TEAM_FILE]: teamWithCanary(15) });
  console.log('push', performance.now() - t); t = performance.now();
  world.github.install();
  await world.pullRequest('opened', head);
  console.log('event', performance.now() - t, world.bot.handled); t = performance.now();
  await world.pullRequest('opened', head);
  console.log('event2', performance.now() - t, world.bot.handled); t = performance.now();
  await world.close();
  console.log('close', performance.now() - t);
});
