import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeJsonFrame, type Frame, FrameKind } from './frame.js';
import { FrameDecoder } from './frame-decoder.js';
import type { HarnessResult, HarnessRunRequest } from './harness-messages.js';
import { harnessPath } from './harness-path.js';

const fixtureGuardPath = fileURLToPath(new URL('../../test-kit/assets/fixture-guard.py', import.meta.url));
const children: ChildProcess[] = [];

/** A raw serve-mode harness, driven frame by frame as the Docker runner would over an attach stream. */
function startHarness(strategy: 'fork' | 'inline') {
  const child = spawn(
    'python3',
    ['-I', '-B', '-u', harnessPath, 'serve', String(512 * 1024 * 1024), strategy],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.push(child);
  const decoder = new FrameDecoder();
  const frames: Frame[] = [];
  let wake: (() => void) | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    frames.push(...decoder.push(chunk));
    wake?.();
  });
  const nextJson = async (): Promise<Record<string, unknown>> => {
    for (;;) {
      const index = frames.findIndex((frame) => frame.kind === FrameKind.json);
      if (index >= 0) return JSON.parse((frames.splice(index, 1)[0] as Frame).payload.toString('utf8'));
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  let id = 0;
  const run = async (code: string, extra: Partial<HarnessRunRequest> = {}) => {
    frames.length = 0;
    child.stdin.write(
      encodeJsonFrame({ type: 'run', id: ++id, code, timeoutMs: 10_000, guard: null, ...extra }),
    );
    const result = (await nextJson()) as unknown as HarnessResult;
    const text = (kind: number) =>
      Buffer.concat(frames.filter((frame) => frame.kind === kind).map((frame) => frame.payload)).toString(
        'utf8',
      );
    return { result, stdout: text(FrameKind.stdout), stderr: text(FrameKind.stderr) };
  };
  return { child, nextJson, run };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe.each(['fork', 'inline'] as const)('harness serve mode (%s)', (strategy) => {
  it('announces itself, then keeps the code output off the protocol, even raw fd writes', async () => {
    const harness = startHarness(strategy);
    expect(await harness.nextJson()).toMatchObject({ type: 'ready', strategy });
    const { result, stdout, stderr } = await harness.run(
      'import os, sys\nprint("printed")\nos.write(1, b"raw out\\n")\nos.write(2, b"raw err\\n")\nsys.stdout.write("J\\x00\\x00\\x00\\x05junk\\n")',
    );
    expect(result).toMatchObject({ type: 'result', status: 'success', exitCode: 0, refusals: [] });
    expect(stdout).toBe('printed\nraw out\nJ\u0000\u0000\u0000\u0005junk\n');
    expect(stderr).toBe('raw err\n');
    const again = await harness.run('print("next")');
    expect(again.stdout).toBe('next\n');
  });

  it('reports per-run refusals from a guard, and a line for an exception', async () => {
    const harness = startHarness(strategy);
    await harness.nextJson();
    const guard = { modulePath: fixtureGuardPath, settings: {} };
    const code = 'try:\n    open("/tmp/executer-harness-test", "w")\nexcept PermissionError:\n    pass\n';
    const first = await harness.run(code, { guard });
    const second = await harness.run(code, { guard });
    expect(first.result.refusals).toHaveLength(1);
    expect(second.result.refusals).toHaveLength(1);
    expect(second.result.refusals[0]).toMatchObject({ rule: 'file-write', line: 2 });
    const failing = await harness.run('x = 1\nraise ValueError("bad")');
    expect(failing.result.exception).toMatchObject({ type: 'ValueError', message: 'bad', line: 2 });
  });

  it('exits when its stdin closes, so it cannot outlive the host', async () => {
    const harness = startHarness(strategy);
    await harness.nextJson();
    const ended = exited(harness.child);
    harness.child.stdin.end();
    expect(await ended).not.toBeUndefined();
    expect(harness.child.exitCode !== null || harness.child.signalCode !== null).toBe(true);
  });
});

describe('harness serve mode, fork strategy', () => {
  it('isolates module state between runs and enforces the timeout itself', async () => {
    const harness = startHarness('fork');
    await harness.nextJson();
    await harness.run('import json\njson.leaked = True');
    expect((await harness.run('import json\nprint(hasattr(json, "leaked"))')).stdout).toBe('False\n');
    const slow = await harness.run('import time\nprint("going", flush=True)\ntime.sleep(30)', {
      timeoutMs: 500,
    });
    expect(slow.result.status).toBe('timeout');
    expect(slow.stdout).toBe('going\n');
    expect((await harness.run('print("alive")')).stdout).toBe('alive\n');
  });

  it('kills a child that left its process group when the timeout expires', async () => {
    const harness = startHarness('fork');
    await harness.nextJson();
    const started = Date.now();
    const escaped = await harness.run(
      'import os, time\nos.setpgid(0, os.getpgid(os.getppid()))\nwhile True:\n    time.sleep(0.1)',
      { timeoutMs: 500 },
    );
    expect(escaped.result.status).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await harness.run('print("alive")')).stdout).toBe('alive\n');
  });

  it('cancels the running job on request and stays up', async () => {
    const harness = startHarness('fork');
    await harness.nextJson();
    const pending = harness.run('import time\ntime.sleep(30)');
    setTimeout(() => harness.child.stdin.write(encodeJsonFrame({ type: 'cancel' })), 300);
    expect((await pending).result.status).toBe('aborted');
    expect((await harness.run('print("alive")')).stdout).toBe('alive\n');
  });
});
