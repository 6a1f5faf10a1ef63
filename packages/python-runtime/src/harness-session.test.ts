import { RunnerUnavailableError } from '@executer/core';
import { describe, expect, it } from 'vitest';
import { encodeFrame, encodeJsonFrame, FrameKind } from './frame.js';
import { FrameDecoder } from './frame-decoder.js';
import type { HarnessReady, HarnessRequest, HarnessResult, HarnessRunRequest } from './harness-messages.js';
import { HarnessProtocolError } from './harness-protocol-error.js';
import { HarnessSession, type HarnessSessionOptions } from './harness-session.js';

const ready: HarnessReady = { type: 'ready', pid: 42, strategy: 'fork', python: '3.11.2' };
const request: HarnessRunRequest = { type: 'run', id: 1, code: 'print(1)', timeoutMs: 1000, guard: null };
const result: HarnessResult = {
  type: 'result',
  id: 1,
  status: 'success',
  exitCode: 0,
  durationMs: 3,
  exception: null,
  refusals: [],
  limit: null,
};

/** A session over a fake transport that records what the session did to it. */
function createSession<Death extends object = Record<never, never>>(
  overrides: Partial<HarnessSessionOptions<Death>> = {},
) {
  const written: HarnessRequest[] = [];
  const busy: boolean[] = [];
  const protocolErrors: HarnessProtocolError[] = [];
  const session = new HarnessSession<Death>({
    runner: 'test',
    describeUnready: (detail) => `the harness ${detail}`,
    write: (frame) => {
      for (const decoded of new FrameDecoder().push(frame))
        written.push(JSON.parse(decoded.payload.toString('utf8')) as HarnessRequest);
    },
    onProtocolError: (error) => protocolErrors.push(error),
    onBusy: (value) => busy.push(value),
    notRunning: { reason: 'the harness is not running' } as { reason: string } & Death,
    deathDetails: () => ({}) as Death,
    ...overrides,
  });
  const output = { stdout: [] as string[], stderr: [] as string[] };
  const callbacks = {
    onStdout: (chunk: Buffer) => output.stdout.push(chunk.toString('utf8')),
    onStderr: (chunk: Buffer) => output.stderr.push(chunk.toString('utf8')),
  };
  return { session, written, busy, protocolErrors, output, callbacks };
}

describe('HarnessSession', () => {
  it('resolves readiness with the ready message, whatever the chunking', async () => {
    const { session } = createSession();
    const bytes = encodeJsonFrame(ready);
    for (const byte of bytes) session.push(Buffer.from([byte]));
    await expect(session.ready).resolves.toEqual(ready);
  });

  it("routes a run's stdout and stderr frames to its callbacks and ends it with the result", async () => {
    const { session, written, busy, output, callbacks } = createSession();
    session.push(encodeJsonFrame(ready));
    const ending = session.run(request, callbacks);
    expect(written).toEqual([request]);
    expect(session.busy).toBe(true);
    session.push(
      Buffer.concat([
        encodeFrame(FrameKind.stdout, Buffer.from('out ')),
        encodeFrame(FrameKind.stderr, Buffer.from('err')),
        encodeFrame(FrameKind.stdout, Buffer.from('more')),
        encodeJsonFrame(result),
      ]),
    );
    await expect(ending).resolves.toEqual({ kind: 'result', result });
    expect(output).toEqual({ stdout: ['out ', 'more'], stderr: ['err'] });
    expect(busy).toEqual([true, false]);
    expect(session.busy).toBe(false);
    expect(session.alive).toBe(true);
  });

  it('drops output frames that arrive while no run is current', () => {
    const { session, output, callbacks } = createSession();
    session.push(encodeFrame(FrameKind.stdout, Buffer.from('stray')));
    void session.run(request, callbacks);
    expect(output.stdout).toEqual([]);
  });

  it('writes a cancel frame', () => {
    const { session, written, callbacks } = createSession();
    void session.run(request, callbacks);
    session.cancel();
    expect(written).toEqual([request, { type: 'cancel' }]);
  });

  it('ends itself on a message that is not JSON and tells the transport, once', async () => {
    const { session, protocolErrors, callbacks } = createSession();
    const ending = session.run(request, callbacks);
    session.push(encodeFrame(FrameKind.json, Buffer.from('{not json')));
    session.push(encodeJsonFrame(result));
    session.end('killed');
    await expect(ending).resolves.toEqual({
      kind: 'died',
      reason: 'protocol error: a message that is not JSON',
    });
    expect(protocolErrors).toHaveLength(1);
    expect(protocolErrors[0]).toBeInstanceOf(HarnessProtocolError);
    expect(session.alive).toBe(false);
  });

  it('ends itself on a malformed frame header, with the diagnostics in the reason', async () => {
    const { session, protocolErrors, callbacks } = createSession();
    session.pushDiagnostics(Buffer.from('Traceback: boom\n'));
    const ending = session.run(request, callbacks);
    session.push(Buffer.from('hello world'));
    session.push(Buffer.from('more garbage'));
    const died = await ending;
    expect(died.kind).toBe('died');
    expect(died.kind === 'died' && died.reason).toMatch(
      /^protocol error: .*malformed frame header.*: Traceback: boom$/,
    );
    expect(protocolErrors).toHaveLength(1);
  });

  it('ends a run as died when the transport dies mid-run, keeping the output that came before', async () => {
    const { session, written, busy, output, callbacks } = createSession();
    session.push(encodeJsonFrame(ready));
    const ending = session.run(request, callbacks);
    session.push(encodeFrame(FrameKind.stdout, Buffer.from('last words')));
    session.pushDiagnostics(Buffer.from('Segmentation fault\n'));
    session.end('exited (SIGSEGV)');
    await expect(ending).resolves.toEqual({ kind: 'died', reason: 'exited (SIGSEGV): Segmentation fault' });
    expect(output.stdout).toEqual(['last words']);
    expect(busy).toEqual([true, false]);
    session.cancel();
    expect(written).toEqual([request]);
  });

  it("waits for the transport's asynchronous death details before ending the run", async () => {
    let answer!: (details: { oomKilled: boolean }) => void;
    const { session, busy, callbacks } = createSession<{ oomKilled: boolean }>({
      notRunning: { reason: 'the harness is not running', oomKilled: false },
      deathDetails: () => new Promise((resolve) => (answer = resolve)),
    });
    const ending = session.run(request, callbacks);
    let settled = false;
    void ending.then(() => (settled = true));
    session.end('the container stopped');
    expect(session.alive).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(busy).toEqual([true]);
    answer({ oomKilled: true });
    await expect(ending).resolves.toEqual({ kind: 'died', reason: 'the container stopped', oomKilled: true });
    expect(busy).toEqual([true, false]);
  });

  it('lets a result that comes in while the death details are asked for win', async () => {
    let answer!: (details: { oomKilled: boolean }) => void;
    const { session, callbacks } = createSession<{ oomKilled: boolean }>({
      notRunning: { reason: 'the harness is not running', oomKilled: false },
      deathDetails: () => new Promise((resolve) => (answer = resolve)),
    });
    const ending = session.run(request, callbacks);
    session.end('the container stopped');
    session.push(encodeJsonFrame(result));
    answer({ oomKilled: false });
    await expect(ending).resolves.toEqual({ kind: 'result', result });
  });

  it('rejects readiness with RunnerUnavailableError naming the runner when it dies before ready', async () => {
    const { session } = createSession();
    session.pushDiagnostics(Buffer.from('SyntaxError in harness\n'));
    session.end('exited (code 1)');
    const error = await session.ready.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(RunnerUnavailableError);
    expect((error as RunnerUnavailableError).runner).toBe('test');
    expect((error as Error).message).toBe('test: the harness exited (code 1): SyntaxError in harness');
  });

  it('answers a run on an ended session at once, without writing', async () => {
    const { session, written, busy, callbacks } = createSession<{ oomKilled: boolean }>({
      notRunning: { reason: 'the harness is not running', oomKilled: false },
    });
    session.end('killed');
    await expect(session.run(request, callbacks)).resolves.toEqual({
      kind: 'died',
      reason: 'the harness is not running',
      oomKilled: false,
    });
    expect(written).toEqual([]);
    expect(busy).toEqual([]);
  });

  it('keeps only the last 4 KiB of diagnostics', () => {
    const { session } = createSession();
    session.pushDiagnostics(Buffer.from('a'.repeat(5000)));
    session.pushDiagnostics(Buffer.from('tail'));
    expect(session.diagnostics).toHaveLength(4096);
    expect(session.diagnostics.endsWith('tail')).toBe(true);
  });
});
