import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExecuterOptions } from '../config/executer-options.js';
import { ConfigError } from '../errors/config-error.js';
import { PluginLoadError } from '../errors/plugin-load-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { SecurityModeUnsupportedError } from '../errors/security-mode-unsupported-error.js';
import { UnknownPluginNameError } from '../errors/unknown-plugin-name-error.js';
import {
  createTestPlugin,
  InMemoryHistoryStore,
  KeywordPolicyDouble,
  PromptBuilderDouble,
  RunnerDouble,
  type RunnerScript,
  type ScriptedAnswer,
  ScriptedProvider,
} from '../test/index.js';
import { assembleExecuter } from './assemble-executer.js';
import type { ExecuterEvent } from './executer-events.js';

const fence = (code: string) => `Here is the program:\n\`\`\`python\n${code}\n\`\`\``;

/** Runs `print(...)` literally; anything containing "raise" fails with a traceback. */
const pythonish: RunnerScript = (job) =>
  job.code.includes('raise')
    ? {
        status: 'error',
        exitCode: 1,
        exception: {
          type: 'ValueError',
          message: 'boom',
          traceback: 'Traceback (most recent call last):\n  line 1\nValueError: boom',
          line: 1,
        },
        stderr: 'ValueError: boom',
      }
    : { stdout: `${job.code.match(/print\((.*)\)/)?.[1] ?? ''}\n` };

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'executer-core-'));
});

async function setup(
  answers: ScriptedAnswer[],
  options: ExecuterOptions & { script?: RunnerScript; runnerEnforcesGuard?: boolean } = {},
) {
  const provider = new ScriptedProvider(answers);
  const runner = new RunnerDouble(options.script ?? pythonish, {
    name: 'subprocess',
    capabilities: { enforcesGuard: options.runnerEnforcesGuard ?? true },
  });
  const history = new InMemoryHistoryStore();
  const prompts = new PromptBuilderDouble();
  const plugin = createTestPlugin({
    providers: [provider],
    runners: [runner],
    policies: [new KeywordPolicyDouble('safe', ['os.system']), new KeywordPolicyDouble('permissive')],
    promptBuilder: prompts,
    history,
  });
  const executer = await assembleExecuter({ env: {}, cwd, provider: 'scripted', ...options }, [plugin]);
  return { executer, provider, runner, history, prompts };
}

describe('Executer.run', () => {
  it('generates, runs and saves one record on success', async () => {
    const { executer, history, provider } = await setup([fence('print(3628800)')]);
    const result = await executer.run('Calculate the factorial of 10');
    expect(result).toMatchObject({
      success: true,
      output: '3628800\n',
      error: '',
      code: 'print(3628800)\n',
      instruction: 'Calculate the factorial of 10',
      provider: 'scripted',
      model: 'scripted-model',
      securityMode: 'safe',
      executionMode: 'subprocess',
      saved: true,
      usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
    });
    expect(result.executionId).toMatch(/^\d{8}_\d{6}_\d{6}$/);
    expect(result.attempts).toHaveLength(1);
    expect(history.records).toHaveLength(1);
    expect(history.records[0]?.executionId).toBe(result.executionId);
    expect(provider.requests[0]).toMatchObject({ model: 'scripted-model', temperature: 0.2 });
  });

  it('feeds the previous code and its error to the model on a retry', async () => {
    const { executer, prompts, provider } = await setup([
      fence('raise ValueError("boom")'),
      fence('print(42)'),
    ]);
    const result = await executer.run('Print the answer');
    expect(result.success).toBe(true);
    expect(result.attempts.map((attempt) => attempt.status)).toEqual(['error', 'success']);
    expect(prompts.inputs[1]).toMatchObject({ previousCode: 'raise ValueError("boom")\n', attempt: 2 });
    expect(prompts.inputs[1]?.previousError).toContain('ValueError: boom');
    expect(provider.requests[1]?.user).toContain('raise ValueError("boom")');
    expect(provider.requests[1]?.user).toContain('ValueError: boom');
  });

  it('stops after max_retries and saves the failure once', async () => {
    const failing = fence('raise ValueError("boom")');
    const { executer, history, provider } = await setup([failing, failing, failing, failing], {
      maxRetries: 2,
    });
    const result = await executer.run('Fail');
    expect(result.success).toBe(false);
    expect(result.attempts).toHaveLength(3);
    expect(provider.requests).toHaveLength(3);
    expect(result.error).toContain('ValueError: boom');
    expect(history.records).toHaveLength(1);
    expect(history.records[0]?.success).toBe(false);
  });

  it('makes one attempt with retryOnError: false, and per-run maxRetries overrides config', async () => {
    const failing = fence('raise ValueError("x")');
    const first = await setup([failing, failing]);
    expect((await first.executer.run('x', { retryOnError: false })).attempts).toHaveLength(1);
    const second = await setup([failing, failing, failing]);
    expect((await second.executer.run('x', { maxRetries: 1 })).attempts).toHaveLength(2);
  });

  it('does not save with saveExecution: false', async () => {
    const { executer, history } = await setup([fence('print(1)')]);
    const result = await executer.run('x', { saveExecution: false });
    expect(result.saved).toBe(false);
    expect(history.records).toHaveLength(0);
  });

  it('counts static violations as a failed attempt without running the code, and teaches the retry', async () => {
    const { executer, runner, prompts } = await setup([
      fence('import os\nos.system("ls")'),
      fence('print(2)'),
    ]);
    const events: ExecuterEvent[] = [];
    const result = await executer.run('List files', { onEvent: (event) => events.push(event) });
    expect(result.attempts[0]).toMatchObject({
      status: 'violations',
      violations: [{ rule: 'no-os.system', line: 2 }],
    });
    expect(runner.jobs).toHaveLength(1);
    expect(prompts.inputs[1]?.previousError).toContain('line 2');
    expect(events.some((event) => event.type === 'violations')).toBe(true);
    expect(result.success).toBe(true);
  });

  it('treats a syntax error from the static check as a failed attempt', async () => {
    const { executer, runner } = await setup([fence('x = <<syntax error>>'), fence('print(1)')]);
    const result = await executer.run('x');
    expect(result.attempts[0]?.error).toMatch(/^SyntaxError: line 1/);
    expect(runner.jobs).toHaveLength(1);
  });

  it('treats an answer with no code as a failed attempt with a clear error', async () => {
    const { executer } = await setup(['I am sorry, I cannot do that.', fence('print(1)')]);
    const result = await executer.run('x');
    expect(result.attempts[0]).toMatchObject({ status: 'no-code', code: '' });
    expect(result.attempts[0]?.error).toMatch(/held no python code/);
    expect(result.success).toBe(true);
  });

  it('reports a runtime refusal as a failed attempt with its violations', async () => {
    const { executer } = await setup([fence('print(1)')], {
      maxRetries: 0,
      script: () => ({
        status: 'refused',
        exitCode: 1,
        violations: [
          { rule: 'file-write', message: 'writing files is forbidden', line: 3, source: 'runtime' },
        ],
      }),
    });
    const result = await executer.run('x');
    expect(result.success).toBe(false);
    expect(result.error).toContain('line 3: writing files is forbidden [file-write]');
  });

  it('passes the guard, timeout and limits to the runner, and no guard in permissive mode', async () => {
    const { executer, runner } = await setup([fence('print(1)'), fence('print(2)')], { timeout: 5 });
    await executer.run('x');
    expect(runner.jobs[0]).toMatchObject({ timeoutMs: 5000, language: 'python', guard: { name: 'double' } });
    expect(runner.jobs[0]?.limits).toEqual({ memoryBytes: 512 * 1024 * 1024, outputBytes: 1_048_576 });
    executer.setSecurityMode('permissive');
    await executer.run('x');
    expect(runner.jobs[1]?.guard).toBeNull();
  });

  it('surfaces a provider error typed, after core retries of retryable ones', async () => {
    const rateLimited = new ProviderError('rate-limit', 'slow down', {
      provider: 'scripted',
      statusCode: 429,
      retryAfterMs: 5,
    });
    const { executer, provider } = await setup([rateLimited, fence('print(1)')]);
    const events: ExecuterEvent[] = [];
    const result = await executer.run('x', { onEvent: (event) => events.push(event) });
    expect(result.success).toBe(true);
    expect(provider.requests).toHaveLength(2);
    expect(events.find((event) => event.type === 'provider-retry')).toMatchObject({ delayMs: 5, retry: 1 });

    const auth = new ProviderError('auth', 'bad key', { provider: 'scripted', statusCode: 401 });
    const failing = await setup([auth]);
    const error = await failing.executer.run('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth', statusCode: 401, isRetryable: false });
    expect(failing.provider.requests).toHaveLength(1);
  });

  it('bounds provider retries', async () => {
    const outage = () =>
      new ProviderError('unavailable', 'down', { provider: 'scripted', statusCode: 503, retryAfterMs: 1 });
    const { executer, provider } = await setup([outage(), outage(), outage()], { requestRetries: 2 });
    await expect(executer.run('x')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(provider.requests).toHaveLength(3);
  });

  it('returns an aborted result (and saves it) when the signal fires while the code runs', async () => {
    const controller = new AbortController();
    const { executer, history } = await setup([fence('print(1)')], {
      script: () => {
        controller.abort();
        return { status: 'aborted', exitCode: null };
      },
    });
    const result = await executer.run('x', { signal: controller.signal });
    expect(result).toMatchObject({ success: false, error: 'Aborted by the caller.' });
    expect(result.attempts).toHaveLength(1);
    expect(history.records).toHaveLength(1);
  });

  it('streams the answer and the output as events', async () => {
    const { executer } = await setup([fence('print(7)')]);
    const events: ExecuterEvent[] = [];
    await executer.run('x', { onEvent: (event) => events.push(event) });
    const types = events.map((event) => event.type);
    expect(types).toEqual([
      'attempt-start',
      'generating',
      'text-delta',
      'text-delta',
      'code',
      'running',
      'stdout',
      'attempt-end',
      'saved',
    ]);
  });

  it('refuses SAFE mode on a runner that cannot enforce the guard, and runs it in PERMISSIVE', async () => {
    const { executer, runner } = await setup([fence('print(1)'), fence('print(1)')], {
      runnerEnforcesGuard: false,
    });
    await expect(executer.run('x')).rejects.toBeInstanceOf(SecurityModeUnsupportedError);
    expect(runner.jobs).toHaveLength(0);
    executer.setSecurityMode('permissive');
    expect((await executer.run('x')).success).toBe(true);
  });

  it('rejects an unknown security mode at runtime', async () => {
    const { executer } = await setup([]);
    expect(() => executer.setSecurityMode('reckless' as never)).toThrow(ConfigError);
  });
});

describe('Executer.generateCode and executeCode', () => {
  it('generateCode returns the extracted code without running it', async () => {
    const { executer, runner } = await setup([fence('print(5)')]);
    const generated = await executer.generateCode('five', {
      previousCode: 'print(4)',
      previousError: 'wrong',
    });
    expect(generated.code).toBe('print(5)\n');
    expect(runner.jobs).toHaveLength(0);
  });

  it('executeCode runs code without a model and saves only when asked', async () => {
    const { executer, provider, history } = await setup([]);
    const result = await executer.executeCode('print(9)');
    expect(result).toMatchObject({
      success: true,
      output: '9\n',
      provider: '',
      instruction: '',
      saved: false,
    });
    expect(provider.requests).toHaveLength(0);
    await executer.executeCode('print(9)', { saveExecution: true });
    expect(history.records).toHaveLength(1);
  });
});

describe('Executer history', () => {
  it('lists, gets and clears through the HistoryStore', async () => {
    const { executer } = await setup([fence('print(1)'), fence('raise ValueError()'), fence('print(3)')], {
      maxRetries: 0,
    });
    const first = await executer.run('one');
    await executer.run('two');
    await executer.run('three');
    expect((await executer.listExecutions({ limit: 2 })).map((record) => record.instruction)).toEqual([
      'three',
      'two',
    ]);
    expect(
      (await executer.listExecutions({ successOnly: true })).map((record) => record.instruction),
    ).toEqual(['three', 'one']);
    expect((await executer.getExecution(first.executionId))?.instruction).toBe('one');
    expect(await executer.clearExecutions({ keepRecent: 1 })).toBe(2);
    expect(await executer.clearExecutions()).toBe(1);
  });
});

describe('assembly', () => {
  it('fails at creation for an unknown provider, runner or mode name, listing what exists', async () => {
    await expect(setup([], { provider: 'nope' })).rejects.toThrow(UnknownPluginNameError);
    await expect(setup([], { provider: 'nope' })).rejects.toThrow(
      /ai.provider: unknown provider "nope"; available: scripted/,
    );
    await expect(setup([], { executionMode: 'kubernetes' })).rejects.toThrow(
      /execution.mode: unknown runner "kubernetes"; available: subprocess/,
    );
  });

  it('loads a third-party plugin by module specifier from config', async () => {
    const fixtures = join(import.meta.dirname, '..', 'plugins', 'fixtures');
    const { executer } = await setup([], {
      plugins: [join(fixtures, 'fixture-runner-plugin.mjs')],
      executionMode: 'echo',
    });
    const result = await executer.executeCode('print(1)');
    expect(result.output).toBe('echo:print(1)');
    expect(result.executionMode).toBe('echo');
  });

  it('fails clearly for an unknown plugin module or a module that is not a plugin', async () => {
    await expect(setup([], { plugins: ['@acme/does-not-exist'] })).rejects.toThrow(PluginLoadError);
    await expect(setup([], { plugins: ['@acme/does-not-exist'] })).rejects.toThrow(
      /cannot load "@acme\/does-not-exist": module not found/,
    );
    const fixtures = join(import.meta.dirname, '..', 'plugins', 'fixtures');
    await expect(setup([], { plugins: [join(fixtures, 'not-a-plugin.mjs')] })).rejects.toThrow(
      /exports no plugin/,
    );
  });

  it('disposes the runners it used', async () => {
    const { executer, runner } = await setup([fence('print(1)')]);
    await executer.run('x');
    await executer.dispose();
    expect(runner.disposed).toBe(true);
  });
});
