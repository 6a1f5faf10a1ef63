import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunnerUnavailableError } from '@executer/core';
import { describe, expect, it } from 'vitest';
import { resolvePythonInterpreter } from './resolve-python-interpreter.js';

describe('resolvePythonInterpreter', () => {
  it('finds python3 and reports its version', async () => {
    const interpreter = await resolvePythonInterpreter('python3', 'subprocess');
    expect(interpreter.version).toMatch(/^3\.(1\d|[2-9]\d)\./);
    expect(interpreter.path.startsWith('/')).toBe(true);
  });

  it('names the executable and the config key when the interpreter is missing', async () => {
    const error = await resolvePythonInterpreter('python-that-does-not-exist-3', 'subprocess').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RunnerUnavailableError);
    expect((error as Error).message).toContain('"python-that-does-not-exist-3"');
    expect((error as Error).message).toContain('execution.python');
    expect((error as RunnerUnavailableError).hint).toContain('EXECUTER_PYTHON');
  });

  it('refuses a Python older than 3.10', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'executer-old-python-'));
    const fake = join(folder, 'python');
    await writeFile(fake, '#!/bin/sh\necho 3.9.18\necho /opt/python3.9/bin/python\n');
    await chmod(fake, 0o755);
    const error = await resolvePythonInterpreter(fake, 'exec').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunnerUnavailableError);
    expect((error as Error).message).toMatch(/Python 3\.9\.18; Executer needs Python 3\.10 or newer/);
  });
});
