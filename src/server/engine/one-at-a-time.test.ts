import { oneAtATime } from './one-at-a-time.ts';

describe('oneAtATime', () => {
  test('works run one at a time in call order, a pause does not give up the turn', async () => {
    const takeTurn = oneAtATime();
    const log: string[] = [];
    const work = (name: string) =>
      takeTurn(async (pause) => {
        log.push(`${name} start`);
        await pause();
        log.push(`${name} middle`);
        await pause();
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([work('a'), work('b'), work('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual([
      'a start',
      'a middle',
      'a end',
      'b start',
      'b middle',
      'b end',
      'c start',
      'c middle',
      'c end',
    ]);
  });

  test('a pause lets a callback that was waiting run before the next step', async () => {
    const takeTurn = oneAtATime();
    const log: string[] = [];
    await takeTurn(async (pause) => {
      // Queued while the work holds the loop, as an incoming request would be.
      setImmediate(() => log.push('waiting callback'));
      log.push('step 1');
      await pause();
      log.push('step 2');
    });
    expect(log).toEqual(['step 1', 'waiting callback', 'step 2']);
  });

  test('a work that throws rejects its own call and the next work still gets its turn', async () => {
    const takeTurn = oneAtATime();
    const failing = takeTurn(async (pause) => {
      await pause();
      throw new Error('broken');
    });
    const next = takeTurn(() => Promise.resolve('next ran'));
    await expect(failing).rejects.toThrow('broken');
    await expect(next).resolves.toBe('next ran');
  });

  test('a work started after an idle queue runs without waiting for a pause', async () => {
    const takeTurn = oneAtATime();
    await takeTurn(() => Promise.resolve());
    const log: string[] = [];
    const done = takeTurn(() => {
      log.push('ran');
      return Promise.resolve();
    });
    setImmediate(() => log.push('immediate'));
    await done;
    expect(log[0]).toBe('ran');
  });
});
