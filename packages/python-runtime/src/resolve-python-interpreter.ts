import { RunnerUnavailableError } from '@executer/core';
import { execa } from 'execa';
import type { PythonInterpreter } from './python-interpreter.js';

export const minimumPythonVersion = [3, 10] as const;

const cache = new Map<string, Promise<PythonInterpreter>>();
const hint =
  'Set execution.python in config.json (or EXECUTER_PYTHON) to a Python 3.10+ executable, e.g. python3.11 or .venv/bin/python.';

/**
 * Checks that `executable` runs and is Python >= 3.10, once per executable per process (a failed
 * check is not cached, so installing Python fixes it without a restart).
 */
export function resolvePythonInterpreter(executable: string, runnerName: string): Promise<PythonInterpreter> {
  const cached = cache.get(executable);
  if (cached) return cached;
  const pending = probe(executable, runnerName);
  cache.set(executable, pending);
  pending.catch(() => cache.delete(executable));
  return pending;
}

async function probe(executable: string, runnerName: string): Promise<PythonInterpreter> {
  const script = 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)';
  const result = await execa(executable, ['-I', '-c', script], {
    reject: false,
    timeout: 15_000,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '' },
  });
  if (result.failed || result.exitCode !== 0) {
    const reason =
      result.code === 'ENOENT' || /ENOENT/.test(result.message ?? '')
        ? 'was not found'
        : `did not run (${result.shortMessage})`;
    throw new RunnerUnavailableError(
      runnerName,
      `the Python interpreter "${executable}" (config key execution.python) ${reason}.`,
      {
        hint,
        cause: result,
      },
    );
  }
  const [version = '', path = ''] = result.stdout.split('\n').map((line) => line.trim());
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (
    major < minimumPythonVersion[0] ||
    (major === minimumPythonVersion[0] && minor < minimumPythonVersion[1])
  ) {
    throw new RunnerUnavailableError(
      runnerName,
      `the Python interpreter "${executable}" (config key execution.python) is Python ${version}; Executer needs Python ${minimumPythonVersion.join('.')} or newer.`,
      { hint },
    );
  }
  return { executable, path: path || executable, version };
}
