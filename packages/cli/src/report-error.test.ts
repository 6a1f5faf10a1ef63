import { PassThrough } from 'node:stream';
import {
  ConfigError,
  MissingApiKeyError,
  ProviderError,
  RunnerUnavailableError,
  UnknownPluginNameError,
} from '@executer/core';
import { describe, expect, it } from 'vitest';
import { ExecutionNotFoundError } from './execution-not-found-error.js';
import { ExitCode } from './exit-codes.js';
import { exitCodeFor, reportError } from './report-error.js';
import { Terminal } from './terminal.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const terminal = new Terminal({ stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd() });
  const read = (stream: PassThrough) => (stream.read() as Buffer | null)?.toString('utf8') ?? '';
  return { terminal, stdout: () => read(stdout), stderr: () => read(stderr) };
}

describe('exitCodeFor', () => {
  it.each([
    [new ConfigError('is not allowed', { path: 'execution.timeout', value: -1 }), ExitCode.CONFIG],
    [new UnknownPluginNameError('runner', 'nope', ['subprocess'], 'execution.mode'), ExitCode.CONFIG],
    [new MissingApiKeyError('gemini', ['GEMINI_API_KEY']), ExitCode.PROVIDER],
    [new ProviderError('rate-limit', 'slow down', { provider: 'groq' }), ExitCode.PROVIDER],
    [new ProviderError('aborted', 'aborted', { provider: 'groq' }), ExitCode.INTERRUPTED],
    [new RunnerUnavailableError('docker', 'no engine'), ExitCode.RUNNER],
    [new ExecutionNotFoundError('x', '/tmp'), ExitCode.HISTORY],
    [new TypeError('boom'), ExitCode.INTERNAL],
  ])('%s gives a stable exit code', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});

describe('reportError', () => {
  it('writes one line of cause and one of hint to stderr, and nothing to stdout', () => {
    const { terminal, stdout, stderr } = capture();
    const error = new ConfigError('is not allowed', {
      file: '/x/config.json',
      path: 'execution.timeout',
      value: -1,
      allowed: 'a number above 0',
    });
    expect(reportError(error, terminal, false)).toBe(ExitCode.CONFIG);
    expect(stdout()).toBe('');
    expect(stderr().trim().split('\n')).toEqual([
      'error: /x/config.json: execution.timeout: is not allowed (got -1); allowed: a number above 0',
      'hint: Use a number above 0.',
    ]);
  });

  it('with --json, also prints one JSON error document on stdout', () => {
    const { terminal, stdout } = capture();
    reportError(new MissingApiKeyError('gemini', ['GEMINI_API_KEY']), terminal, true);
    expect(JSON.parse(stdout()).error).toMatchObject({
      code: 'MISSING_API_KEY',
      exitCode: ExitCode.PROVIDER,
    });
  });
});
