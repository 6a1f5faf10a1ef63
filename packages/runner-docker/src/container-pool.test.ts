import { describe, expect, it } from 'vitest';
import { ContainerPool, type PooledContainer } from './container-pool.js';

class FakeContainer implements PooledContainer {
  alive = true;
  runs = 0;
  removed = false;
  constructor(readonly id: number) {}
  async remove(): Promise<void> {
    this.alive = false;
    this.removed = true;
  }
}

function createPool(settings: { poolSize: number; maxContainers: number; maxRunsPerContainer: number }) {
  const started: FakeContainer[] = [];
  const pool = new ContainerPool(settings, async () => {
    const container = new FakeContainer(started.length);
    started.push(container);
    return container;
  });
  return { pool, started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ContainerPool', () => {
  it('starts pool_size containers ahead of need and reuses them', async () => {
    const { pool, started } = createPool({ poolSize: 2, maxContainers: 4, maxRunsPerContainer: 10 });
    pool.warm();
    await tick();
    expect(started).toHaveLength(2);
    const first = await pool.acquire();
    first.runs += 1;
    pool.release(first, true);
    const again = await pool.acquire();
    expect(started).toHaveLength(2);
    expect([0, 1]).toContain(again.id);
    await pool.dispose();
    expect(started.every((container) => container.removed)).toBe(true);
  });

  it('replaces a container after max runs, a failed run or a failed reset', async () => {
    const { pool, started } = createPool({ poolSize: 1, maxContainers: 1, maxRunsPerContainer: 2 });
    const first = await pool.acquire();
    first.runs = 2;
    pool.release(first, true);
    await tick();
    expect(first.removed).toBe(true);
    const second = await pool.acquire();
    expect(second).not.toBe(first);
    pool.release(second, false);
    await tick();
    expect(second.removed).toBe(true);
    const third = await pool.acquire();
    pool.release(third, true, async () => false);
    await tick();
    expect(third.removed).toBe(true);
    expect(started.length).toBeGreaterThanOrEqual(4);
    await pool.dispose();
  });

  it('removes each container after its run in cold mode (pool size 0)', async () => {
    const { pool, started } = createPool({ poolSize: 0, maxContainers: 2, maxRunsPerContainer: 100 });
    pool.warm();
    await tick();
    expect(started).toHaveLength(0);
    const container = await pool.acquire();
    pool.release(container, true);
    await pool.settled();
    expect(container.removed).toBe(true);
    expect(pool.size).toBe(0);
  });

  it('makes callers beyond max_containers wait, in order, and lets an abort leave the queue', async () => {
    const { pool } = createPool({ poolSize: 1, maxContainers: 1, maxRunsPerContainer: 100 });
    const held = await pool.acquire();
    const order: string[] = [];
    const controller = new AbortController();
    const aborted = pool
      .acquire(controller.signal)
      .catch((error: Error) => order.push(`aborted:${error.name}`));
    const waiting = pool.acquire().then((container) => {
      order.push('second');
      return container;
    });
    controller.abort();
    await aborted;
    pool.release(held, true, async () => true);
    expect(await waiting).toBe(held);
    expect(order).toEqual(['aborted:RunnerUnavailableError', 'second']);
    await pool.dispose();
  });

  it('fails a waiting caller with the start error instead of leaving it waiting', async () => {
    const failure = new Error('engine gone');
    const pool = new ContainerPool(
      { poolSize: 1, maxContainers: 1, maxRunsPerContainer: 1 },
      async (): Promise<FakeContainer> => {
        throw failure;
      },
    );
    await expect(pool.acquire()).rejects.toBe(failure);
    await pool.dispose();
  });
});
