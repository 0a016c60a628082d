import { jest } from '@jest/globals';
import { PollLoop, type PollOutcome } from './poll-loop.ts';

describe('PollLoop', () => {
  const loops: PollLoop[] = [];
  beforeEach(() => jest.useFakeTimers());
  afterEach(async () => {
    for (const loop of loops.splice(0)) void loop.stop();
    jest.useRealTimers();
  });

  /** A loop that counts its runs; `outcomes` are returned in turn, then 'idle'. */
  function counting(options: { idleMs: number; rest?: { afterMs: number; ms: number } }, outcomes: PollOutcome[] = []) {
    const runs: number[] = [];
    const loop = new PollLoop(
      async () => {
        runs.push(Date.now());
        return outcomes.shift() ?? 'idle';
      },
      { retryMs: 1_000, onError: () => {}, ...options },
    );
    loops.push(loop);
    return { loop, runs };
  }

  it('runs again at once while there is more, then waits idleMs', async () => {
    const { loop, runs } = counting({ idleMs: 10_000 }, ['more', 'more']);
    loop.start();
    await jest.advanceTimersByTimeAsync(9_000);
    expect(runs).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1_100);
    expect(runs).toHaveLength(4);
  });

  it('rests once quiet for rest.afterMs; a wake ends the rest and it looks often again', async () => {
    const { loop, runs } = counting({ idleMs: 20, rest: { afterMs: 150, ms: 10_000 } });
    loop.start();
    await jest.advanceTimersByTimeAsync(1_000);
    // Every 20 ms until 150 ms have passed without work, then one rest of 10 s.
    expect(runs).toHaveLength(9);
    const rested = runs.length;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(rested);

    loop.wake();
    await jest.advanceTimersByTimeAsync(20);
    expect(runs).toHaveLength(rested + 1);
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(rested + 6);
  });

  it('is not hurried by a wake while it looks often anyway, so work still comes in batches', async () => {
    const { loop, runs } = counting({ idleMs: 20, rest: { afterMs: 150, ms: 10_000 } });
    loop.start();
    await jest.advanceTimersByTimeAsync(5);
    for (let i = 0; i < 10; i++) {
      loop.wake();
      await jest.advanceTimersByTimeAsync(1);
    }
    expect(runs).toHaveLength(1);
  });

  it('keeps a backlog within its share of the time: after a run of t ms that found more, waits t × (1 / share − 1)', async () => {
    const runs: number[] = [];
    const loop = new PollLoop(
      async () => {
        runs.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 10));
        return 'more';
      },
      { idleMs: 10_000, retryMs: 1_000, backlogShare: 0.2, onError: () => {} },
    );
    loops.push(loop);
    loop.start();
    await jest.advanceTimersByTimeAsync(1_000);
    // 10 ms of work, then 40 ms of pause: one run every 50 ms.
    expect(runs.slice(1).map((at, i) => at - runs[i])).toEqual(Array(runs.length - 1).fill(50));
    expect(runs.length).toBeGreaterThanOrEqual(19);
  });
});
