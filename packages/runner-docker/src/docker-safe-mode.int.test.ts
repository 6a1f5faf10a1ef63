import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunJob, RuntimeGuard } from '@executer/core';
import { SafePolicy } from '@executer/security';
import { describeSafeModeSuite } from '@executer/test-kit/security';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerRunner } from './docker-runner.js';
import type { DockerRunnerSettings } from './docker-runner-settings.js';
import { findDockerTestEngine } from './docker-test-engine.js';
import { resolveDockerRunnerSettings } from './resolve-docker-runner-settings.js';

const engine = await findDockerTestEngine();
const guard = new SafePolicy().guard('python') as RuntimeGuard;

/**
 * The container's walls lowered: root in the container, the host's network and process table, the
 * suite's folder mounted writable. What then keeps SAFE code from the host is the guard alone.
 */
const loweredWall = (folder: string): Partial<DockerRunnerSettings> => ({
  user: '0:0',
  network: 'host',
  pidMode: 'host',
  mounts: [{ source: folder, target: folder, readOnly: false }],
  workingDirectory: folder,
});

function createRunner(overrides: Partial<DockerRunnerSettings>): DockerRunner {
  const settings = resolveDockerRunnerSettings(
    { memoryLimitMb: 512 },
    { image: engine.image, host: engine.address, poolSize: 2, maxContainers: 4, ...overrides },
  );
  return new DockerRunner(settings, { docker: engine.docker });
}

describe.skipIf(engine.skipReason !== undefined)('SAFE mode in Docker containers', () => {
  // Hardened defaults: the folder is mounted read-only; the guard and the container both stand.
  describeSafeModeSuite(
    'docker, hardened container',
    async ({ workingDirectory }) => {
      // The code runs as uid 1000: the suite's folder (mkdtemp makes it 0700) must be readable, as data shared with a container is.
      await chmod(workingDirectory, 0o755);
      return createRunner({
        mounts: [{ source: workingDirectory, target: workingDirectory, readOnly: true }],
        workingDirectory,
      });
    },
    { guard, permissiveEscapes: false, timeoutMs: 30_000 },
  );

  // The guard alone: unguarded, every attack reaches the host (the PERMISSIVE half), except the
  // one that needs tkinter, which the local image lacks (and the suite checks that it is that).
  describeSafeModeSuite(
    'docker, walls lowered (the guard alone)',
    ({ workingDirectory }) => createRunner(loweredWall(workingDirectory)),
    {
      guard,
      permissiveUnavailable: { 'tkinter Tcl exec': /No module named '_?tkinter'/ },
      interpreterExits: false,
      timeoutMs: 30_000,
    },
  );

  describe('with the walls lowered, unguarded code reaches the host (so the suite above is real)', () => {
    let folder = '';
    let runner: DockerRunner;
    const job = (code: string, withGuard: boolean): RunJob => ({
      code,
      language: 'python',
      timeoutMs: 30_000,
      guard: withGuard ? guard : null,
    });
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'executer-docker-wall-'));
      runner = createRunner(loweredWall(folder));
    });
    afterAll(async () => {
      await runner?.dispose();
      await rm(folder, { recursive: true, force: true });
    });

    it.each([false, true])(
      'writes a host file, connects to a host port, kills a host process, spawns a command (guard: %s)',
      async (withGuard) => {
        let connections = 0;
        const server = createServer((socket) => {
          connections += 1;
          socket.destroy();
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as { port: number }).port;
        const victim = spawn('sleep', ['300'], { stdio: 'ignore' });
        const exited = new Promise((resolve) => victim.once('exit', resolve));
        const attempt = (line: string) =>
          `try:\n    ${line}\nexcept Exception as error:\n    print(type(error).__name__)\n`;
        try {
          const marker = join(folder, `written-${withGuard}`);
          const spawned = join(folder, `spawned-${withGuard}`);
          const code = [
            'import os, socket, subprocess',
            attempt(`open(${JSON.stringify(marker)}, "w").write("x")`),
            attempt(`socket.create_connection(("127.0.0.1", ${port}), timeout=5).close()`),
            attempt(`os.kill(${victim.pid}, 9)`),
            attempt(`subprocess.run(["touch", ${JSON.stringify(spawned)}], check=True)`),
          ].join('\n');
          const outcome = await runner.run(job(code, withGuard));
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 500))]);
          const files = await readdir(folder);
          const effects = {
            file: files.includes(`written-${withGuard}`),
            connection: connections > 0,
            kill: victim.exitCode !== null || victim.signalCode !== null,
            spawn: files.includes(`spawned-${withGuard}`),
          };
          if (withGuard) {
            expect(effects, outcome.stdout).toEqual({
              file: false,
              connection: false,
              kill: false,
              spawn: false,
            });
            expect(outcome.status).toBe('refused');
          } else {
            expect(effects, `${outcome.stdout}${outcome.stderr}`).toEqual({
              file: true,
              connection: true,
              kill: true,
              spawn: true,
            });
          }
        } finally {
          victim.kill('SIGKILL');
          await new Promise<void>((resolve) => server.close(() => resolve()));
        }
      },
    );
  });
});
