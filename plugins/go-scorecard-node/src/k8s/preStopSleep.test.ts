import { preStopSleepSeconds } from './preStopSleep';

describe('preStopSleepSeconds', () => {
  it.each([
    [['sleep', '5'], 5],
    [['/bin/sleep', '10s'], 10],
    [['/bin/sh', '-c', 'sleep 5 && nginx -s quit'], 5],
    [['sh', '-c', 'sleep 2; sleep 1m'], 62],
    [['/bin/sh', '-c', 'kill -TERM 1'], undefined],
    [['sleep', 'infinity'], undefined],
  ])('reads %j as %p seconds', (command, seconds) => {
    expect(preStopSleepSeconds(command)).toBe(seconds);
  });
});
