import { describe, expect, it } from 'vitest';
import { buildRunOutcome } from './build-run-outcome.js';
import { CappedOutput } from './capped-output.js';
import type { HarnessResult } from './harness-messages.js';

const result = (fields: Partial<HarnessResult> = {}): HarnessResult => ({
  type: 'result',
  exitCode: 0,
  durationMs: 1,
  exception: null,
  refusals: [],
  limit: null,
  ...fields,
});
const streams = () => ({ stdout: new CappedOutput(1024), stderr: new CappedOutput(1024) });

describe('buildRunOutcome', () => {
  it('turns guard refusals into runtime violations and status "refused", even after exit 0', () => {
    const outcome = buildRunOutcome({
      exitCode: 0,
      result: result({
        refusals: [
          { rule: 'file-write', message: '[executer:safe] no', line: 3 },
          { rule: 'network', message: '[executer:safe] no', line: null },
        ],
      }),
      ...streams(),
      durationMs: 5,
      guarded: true,
    });
    expect(outcome.status).toBe('refused');
    expect(outcome.violations).toEqual([
      { rule: 'file-write', message: '[executer:safe] no', line: 3, source: 'runtime' },
      { rule: 'network', message: '[executer:safe] no', source: 'runtime' },
    ]);
  });

  it('keeps a timeout or an abort over everything else', () => {
    const outcome = buildRunOutcome({
      status: 'timeout',
      exitCode: null,
      result: undefined,
      ...streams(),
      durationMs: 5,
      guarded: true,
    });
    expect(outcome.status).toBe('timeout');
    expect(outcome.exitCode).toBeNull();
  });

  it('fails a guarded run that ended without the harness report', () => {
    const outcome = buildRunOutcome({
      exitCode: 0,
      result: undefined,
      ...streams(),
      durationMs: 5,
      guarded: true,
    });
    expect(outcome.status).toBe('error');
    expect(outcome.exception?.type).toBe('HarnessNoReport');
    expect(
      buildRunOutcome({ exitCode: 0, result: undefined, ...streams(), durationMs: 5, guarded: false }).status,
    ).toBe('success');
  });

  it('reports the exception, its line, and a memory limit', () => {
    const outcome = buildRunOutcome({
      exitCode: 1,
      result: result({
        exitCode: 1,
        exception: { type: 'MemoryError', message: '', traceback: 'tb', line: 2 },
        limit: 'memory',
      }),
      ...streams(),
      durationMs: 5,
      guarded: false,
    });
    expect(outcome).toMatchObject({
      status: 'error',
      exitCode: 1,
      limitExceeded: 'memory',
      exception: { type: 'MemoryError', line: 2 },
    });
  });
});
