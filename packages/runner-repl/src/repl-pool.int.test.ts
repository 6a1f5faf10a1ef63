import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { RunJob } from '@executer/core';
import { listDescendants, listProcesses } from '@executer/test-kit/runners';
import { describe, expect, it } from 'vitest';
import { ReplRunner } from './repl-runner.js';
import { resolveReplRunnerSettings } from './repl-runner-settings.js';

const job = (code: string, timeoutMs = 10_000): RunJob => ({
  code,
  language: 'python',
  timeoutMs,
  guard: null,
});
const workerPids = (runner: ReplRunner) => runner.workers.map((worker) => worker.pid);
async function gone(pids: Array<number | undefined>): Promise<boolean> {
  const deadline = Date.now() + 5000;
  const alive = () =>
    pids.some((pid) => pid !== undefined && listDescendants().some((entry) => entry.pid === pid));
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return !alive();
}

describe.each(['inline', 'fork'] as const)('exec runner pool (%s)', (strategy) => {
  const create = () =>
    new ReplRunner(resolveReplRunnerSettings(undefined, { strategy, isolation: 'none', poolSize: 2 }));

  it('warms every worker on first use and reuses them', async () => {
    const runner = create();
    expect(runner.workers).toHaveLength(0);
    await runner.run(job('print(1)'));
    const pids = workerPids(runner);
    expect(pids).toHaveLength(2);
    for (let index = 0; index < 6; index++) await runner.run(job('print(1)'));
    expect(workerPids(runner)).toEqual(pids);
    await runner.dispose();
    expect(await gone(pids)).toBe(true);
  });

  it('replaces a worker that crashed, and the pool stays healthy', async () => {
    const runner = create();
    await runner.warm();
    const crashed = await runner.run(
      job('import os, signal\nprint("bye", flush=True)\nos.kill(os.getpid(), signal.SIGKILL)'),
    );
    expect(crashed.status).toBe('error');
    expect(crashed.exception?.type).toBe('ProcessDied');
    // A fork worker survives its child and forwards all it printed. An inline worker forwards the
    // code's output from a thread of its own, which a SIGKILL of the whole worker can beat.
    if (strategy === 'fork') expect(crashed.stdout).toBe('bye\n');
    else expect(['bye\n', '']).toContain(crashed.stdout);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, index) => runner.run(job(`print(${index})`))),
    );
    expect(outcomes.map((outcome) => outcome.stdout)).toEqual(['0\n', '1\n', '2\n', '3\n', '4\n', '5\n']);
    expect(runner.workers.filter((worker) => worker.alive)).toHaveLength(2);
    await runner.dispose();
  });

  it('replaces a worker after a timeout', async () => {
    const runner = create();
    const timedOut = await runner.run(job('while True: pass', 500));
    expect(timedOut.status).toBe('timeout');
    expect((await runner.run(job('print("ok")'))).stdout).toBe('ok\n');
    await runner.dispose();
  });

  it('dispose() ends every worker; a later run starts a new pool', async () => {
    const runner = create();
    await runner.warm();
    const pids = workerPids(runner);
    await runner.dispose();
    await runner.dispose();
    expect(await gone(pids)).toBe(true);
    expect((await runner.run(job('print("again")'))).stdout).toBe('again\n');
    await runner.dispose();
  });
});

describe('exec runner pool, inline strategy', () => {
  it('kills and replaces a worker whose protocol channel the code corrupts', async () => {
    const runner = new ReplRunner(
      resolveReplRunnerSettings(undefined, { strategy: 'inline', isolation: 'none', poolSize: 1 }),
    );
    await runner.warm();
    // The code finds the harness's protocol fd (a dup of the original stdout) and writes garbage.
    const code =
      'import os\nfor fd in range(3, 12):\n    try:\n        os.write(fd, b"garbage!" * 8)\n    except OSError:\n        pass\nimport time\ntime.sleep(2)';
    const outcome = await runner.run(job(code));
    expect(outcome.status).toBe('error');
    expect(outcome.exception?.message ?? '').toMatch(/protocol error|worker/);
    expect((await runner.run(job('print("recovered")'))).stdout).toBe('recovered\n');
    await runner.dispose();
  });
});

describe('exec runner, inline strategy: process state between runs', () => {
  it("does not hand a run the previous run's directory, recursion limit, umask or environment", async () => {
    const runner = new ReplRunner(
      resolveReplRunnerSettings(undefined, { strategy: 'inline', isolation: 'none', poolSize: 1 }),
    );
    const probe =
      'import os, sys\nmask = os.umask(0)\nos.umask(mask)\nprint(os.getcwd(), sys.getrecursionlimit(), oct(mask), os.environ.get("LEAK"))';
    const before = await runner.run(job(probe));
    const changed = await runner.run(
      job(
        'import os, sys\nos.chdir("/")\nsys.setrecursionlimit(60)\nos.umask(0o777)\nos.environ["LEAK"] = "1"',
      ),
    );
    expect(changed.status).toBe('success');
    const after = await runner.run(job(probe));
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).toMatch(/ None\n$/);
    await runner.dispose();
  });
});

describe('exec runner queue', () => {
  it('does not run a job aborted while it waited for a worker', async () => {
    const runner = new ReplRunner(
      resolveReplRunnerSettings(undefined, { strategy: 'inline', isolation: 'none', poolSize: 1 }),
    );
    const busy = runner.run(job('import time\ntime.sleep(1)\nprint("first")'));
    const controller = new AbortController();
    const queued = runner.run(job('print("must not run")'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const outcome = await queued;
    expect(outcome.status).toBe('aborted');
    expect(outcome.stdout).toBe('');
    expect((await busy).stdout).toBe('first\n');
    await runner.dispose();
  });
});

describe('no worker outlives the host', () => {
  it.each(['inline', 'fork'] as const)(
    'workers exit when the host dies without dispose() (%s)',
    async (strategy) => {
      const script = fileURLToPath(new URL('./test-fixtures/host-that-dies.mjs', import.meta.url));
      // The host SIGKILLs itself, so execFile rejects; its stdout is on the error.
      const ended: { stdout?: string; signal?: string } = await promisify(execFile)(
        process.execPath,
        [script, strategy],
        { timeout: 30_000 },
      ).catch((error: { stdout?: string; signal?: string }) => error);
      expect(ended.signal).toBe('SIGKILL');
      const pids = JSON.parse(ended.stdout?.trim().split('\n').at(-1) ?? '[]') as number[];
      expect(pids).toHaveLength(2);
      const running = () =>
        pids.filter((pid) =>
          listProcesses().some((entry) => entry.pid === pid && entry.commandLine.includes('harness.py')),
        );
      const deadline = Date.now() + 5000;
      while (running().length > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(running()).toEqual([]);
    },
  );
});
