import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunJob } from '@executer/core';
import { resolvePythonRuntimeSettings } from '@executer/python-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubprocessRunner } from './subprocess-runner.js';

const job = (code: string): RunJob => ({ code, language: 'python', timeoutMs: 20_000, guard: null });

// Each effect is checked both ways: blocked under bubblewrap, and really happening without it
// (so that the blocked case cannot pass by accident).
describe('subprocess runner isolation', () => {
  let server: Server;
  let port = 0;
  let connections = 0;
  let folder: string;
  const hostOnlyFile = join(tmpdir(), `executer-host-only-${randomUUID()}`);

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    folder = await mkdtemp(join(tmpdir(), 'executer-isolation-'));
    await writeFile(hostOnlyFile, 'host');
  });

  afterAll(async () => {
    server.close();
    await rm(folder, { recursive: true, force: true });
    await rm(hostOnlyFile, { force: true });
  });

  const create = (isolation: 'bubblewrap' | 'none') =>
    new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation, workingDirectory: folder }));
  const connect = () =>
    `import socket\nsocket.create_connection(("127.0.0.1", ${port}), timeout=3).close()\nprint("connected")`;

  it('reports namespace isolation only when bubblewrap is used', () => {
    expect(create('bubblewrap').capabilities.isolation).toBe('namespace');
    expect(create('none').capabilities.isolation).toBe('process');
  });

  it('has no network under bubblewrap', async () => {
    const before = connections;
    const blocked = await create('bubblewrap').run(job(connect()));
    expect(blocked.status).toBe('error');
    expect(blocked.exception?.type).toMatch(/Error/);
    expect(connections).toBe(before);
    const open = await create('none').run(job(connect()));
    expect(open.stdout).toBe('connected\n');
    expect(connections).toBe(before + 1);
  });

  it('mounts the host read-only under bubblewrap, working directory included', async () => {
    const code = 'open("written.txt", "w").write("x")\nprint("wrote")';
    const blocked = await create('bubblewrap').run(job(code));
    expect(blocked.status).toBe('error');
    expect(blocked.exception?.message).toMatch(/Read-only file system/);
    expect(existsSync(join(folder, 'written.txt'))).toBe(false);
    expect((await create('none').run(job(code))).stdout).toBe('wrote\n');
    expect(existsSync(join(folder, 'written.txt'))).toBe(true);
  });

  it('gives the code a private, writable /tmp under bubblewrap', async () => {
    const code = `import os\nprint(os.path.exists(${JSON.stringify(hostOnlyFile)}))\nopen("/tmp/scratch", "w").write("ok")\nprint(open("/tmp/scratch").read())`;
    expect((await create('bubblewrap').run(job(code))).stdout).toBe('False\nok\n');
    expect((await create('none').run(job(code))).stdout).toBe('True\nok\n');
    await rm('/tmp/scratch', { force: true });
  });
});
