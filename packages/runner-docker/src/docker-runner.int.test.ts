import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunJob } from '@executer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerLabel } from './docker-labels.js';
import { DockerRunner } from './docker-runner.js';
import type { DockerRunnerSettings } from './docker-runner-settings.js';
import { findDockerTestEngine } from './docker-test-engine.js';
import { resolveDockerRunnerSettings } from './resolve-docker-runner-settings.js';

const engine = await findDockerTestEngine();

const job = (code: string, extra: Partial<RunJob> = {}): RunJob => ({
  code,
  language: 'python',
  timeoutMs: 10_000,
  guard: null,
  ...extra,
});

function createRunner(overrides: Partial<DockerRunnerSettings> = {}): DockerRunner {
  const settings = resolveDockerRunnerSettings(
    { memoryLimitMb: 256 },
    { image: engine.image, host: engine.address, poolSize: 1, ...overrides },
  );
  return new DockerRunner(settings, { docker: engine.docker });
}

async function containersOf(runner: DockerRunner) {
  return engine.docker.listContainers({
    all: true,
    filters: { label: [`${DockerLabel.owner}=${runner.owner}`] },
  });
}

describe.skipIf(engine.skipReason !== undefined)('DockerRunner on a real engine', () => {
  describe('warm pool', () => {
    let runner: DockerRunner;
    beforeAll(async () => {
      runner = createRunner({ poolSize: 1, maxContainers: 1 });
      await runner.warm();
    });
    afterAll(async () => {
      await runner.dispose();
      expect(await containersOf(runner)).toEqual([]);
    });

    it('runs code and reports stdout, stderr and the exit status', async () => {
      const outcome = await runner.run(
        job('import sys\nprint("hello")\nprint("oops", file=sys.stderr)\nsys.exit(3)'),
      );
      expect(outcome).toMatchObject({ status: 'error', exitCode: 3, stdout: 'hello\n', stderr: 'oops\n' });
    });

    it('reports an exception with its line', async () => {
      const outcome = await runner.run(job('x = 1\ny = x / 0\n'));
      expect(outcome.status).toBe('error');
      expect(outcome.exception).toMatchObject({ type: 'ZeroDivisionError', line: 2 });
    });

    it('reuses the warm container and does not leak module state, /tmp files or processes between runs', async () => {
      const first = await runner.run(
        job(
          'import json, os, subprocess\njson.leaked = 1\nopen("/tmp/left-behind", "w").write("x")\n' +
            'subprocess.Popen(["sleep", "300"], start_new_session=True)\nprint(os.uname().nodename)',
        ),
      );
      expect(first.status).toBe('success');
      const second = await runner.run(
        job(
          'import json, os\nprint(os.uname().nodename)\nprint(hasattr(json, "leaked"))\nprint(os.listdir("/tmp"))\nprint(sorted(p for p in os.listdir("/proc") if p.isdigit() and open(f"/proc/{p}/cmdline","rb").read().startswith(b"sleep")))',
        ),
      );
      const [host, leaked, files, sleepers] = second.stdout.trim().split('\n');
      expect(host).toBe(first.stdout.trim());
      expect({ leaked, files, sleepers }).toEqual({ leaked: 'False', files: '[]', sleepers: '[]' });
    });

    it('runs hardened: no network, read-only root, non-root, no capabilities, limits', async () => {
      const outcome = await runner.run(
        job(
          [
            'import os, socket',
            'print(os.getuid())',
            'try:\n    open("/etc/x", "w")\nexcept OSError as e:\n    print("ro", e.errno)',
            'try:\n    socket.create_connection(("1.1.1.1", 53), timeout=2)\nexcept OSError as e:\n    print("net", type(e).__name__)',
            'print([l.split()[1] for l in open("/proc/self/status") if l.startswith("CapEff")][0])',
            'print([l.split()[1] for l in open("/proc/self/status") if l.startswith("NoNewPrivs")][0])',
          ].join('\n'),
        ),
      );
      expect(outcome.stdout.trim().split('\n')).toEqual([
        '1000',
        'ro 30',
        'net OSError',
        '0000000000000000',
        '1',
      ]);
      const [info] = await containersOf(runner);
      const inspected = await engine.docker.getContainer(info?.Id as string).inspect();
      expect(inspected.HostConfig).toMatchObject({
        NetworkMode: 'none',
        ReadonlyRootfs: true,
        CapDrop: ['ALL'],
        PidsLimit: 128,
        Memory: 384 * 1024 * 1024,
      });
    });

    it('stops a run at its timeout with the output so far, and replaces the container', async () => {
      const before = (await containersOf(runner)).map((container) => container.Id);
      const outcome = await runner.run(
        job('import time\nprint("started", flush=True)\ntime.sleep(60)', { timeoutMs: 1_000 }),
      );
      expect(outcome).toMatchObject({ status: 'timeout', exitCode: null, stdout: 'started\n' });
      expect(outcome.durationMs).toBeLessThan(5_000);
      await runner.settled();
      const after = (await containersOf(runner)).map((container) => container.Id);
      expect(after.filter((id) => before.includes(id))).toEqual([]);
      expect((await runner.run(job('print(2)'))).stdout).toBe('2\n');
    });

    it('stops a run on abort with the output so far', async () => {
      const controller = new AbortController();
      const pending = runner.run(
        job('import sys, time\nsys.stdout.write("before\\n")\nsys.stdout.flush()\ntime.sleep(60)'),
        {
          signal: controller.signal,
          onStdout: () => controller.abort(),
        },
      );
      const outcome = await pending;
      expect(outcome).toMatchObject({ status: 'aborted', stdout: 'before\n' });
    });

    it('reports a memory hog as an outcome with limitExceeded memory', async () => {
      const outcome = await runner.run(
        job('blocks = []\nwhile True:\n    blocks.append(bytearray(16 * 1024 * 1024))'),
      );
      expect(outcome.status).toBe('error');
      expect(outcome.limitExceeded).toBe('memory');
    });

    it('caps a flood of output with a visible marker', async () => {
      const outcome = await runner.run(
        job('while True:\n    print("x" * 1000)', { limits: { outputBytes: 10_000 } }),
      );
      expect(outcome.truncated.stdout).toBe(true);
      expect(outcome.limitExceeded).toBe('output');
      expect(outcome.stdout).toContain('[executer: output truncated at 10000 bytes]');
    });
  });

  it('wipes /tmp between runs but never a writable mount, even one under /tmp', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'executer-docker-mount-'));
    const runner = createRunner({
      poolSize: 1,
      maxContainers: 1,
      user: '0:0',
      mounts: [{ source: folder, target: folder, readOnly: false }],
    });
    try {
      const write = await runner.run(
        job(
          `open(${JSON.stringify(join(folder, 'kept.txt'))}, "w").write("x")\nopen("/tmp/scratch", "w").write("x")`,
        ),
      );
      expect(write.status).toBe('success');
      const after = await runner.run(job(`import os\nprint(sorted(os.listdir("/tmp")))`));
      expect(after.stdout).toBe(`[${JSON.stringify(folder.split('/')[2])}]\n`.replaceAll('"', "'"));
      expect(await readdir(folder)).toEqual(['kept.txt']);
    } finally {
      await runner.dispose();
      await rm(folder, { recursive: true, force: true });
    }
  });

  describe('cold mode (pool size 0)', () => {
    it('creates, starts, runs and removes a container per run', async () => {
      const runner = createRunner({ poolSize: 0 });
      try {
        const outcome = await runner.run(job('print("cold")'));
        expect(outcome).toMatchObject({ status: 'success', stdout: 'cold\n' });
        await runner.settled();
        expect(await containersOf(runner)).toEqual([]);
      } finally {
        await runner.dispose();
      }
    });
  });

  describe('clear errors', () => {
    it('names the address tried when no engine answers', async () => {
      const settings = resolveDockerRunnerSettings(
        {},
        { host: 'unix:///nonexistent/docker.sock', image: engine.image },
      );
      const runner = new DockerRunner(settings);
      await expect(runner.run(job('print(1)'))).rejects.toThrow(
        /no Docker engine answers at unix:\/\/\/nonexistent\/docker\.sock/,
      );
      await runner.dispose();
    });

    it('says how to get a missing image', async () => {
      const runner = createRunner({ image: 'executer-missing-image:never', pull: 'never' });
      const error = await runner.run(job('print(1)')).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'RunnerUnavailableError', code: 'RUNNER_UNAVAILABLE' });
      expect(String((error as Error).message)).toContain('executer-missing-image:never is not on the engine');
      expect(String((error as { hint: string }).hint)).toContain('build-python-image.sh');
      await runner.dispose();
    });
  });

  it('removes containers left by a host process that died', async () => {
    const runner = createRunner({ poolSize: 0 });
    const orphan = await engine.docker.createContainer({
      Image: engine.image,
      Cmd: ['sleep', '300'],
      Labels: { ...runner.labels, [DockerLabel.ownerPid]: '999999', [DockerLabel.owner]: 'crashed' },
      HostConfig: { NetworkMode: 'none' },
    });
    await runner.run(job('print(1)'));
    await expect(orphan.inspect()).rejects.toMatchObject({ statusCode: 404 });
    await runner.dispose();
  });
});
