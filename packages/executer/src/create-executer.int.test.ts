// End to end: createExecuter() with every first-party plugin, against a local OpenAI-compatible
// server with scripted answers, the real prompt templates, security policy, history store and
// runners, and real Python.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type RecordedRequest,
  type ScriptedReply,
  startOpenAICompatibleServer,
  type WireServer,
} from '@executer/test-kit/providers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createExecuter,
  type Executer,
  type ExecuterEvent,
  type ExecuterOptions,
  MissingApiKeyError,
} from './index.js';

const fenced = (code: string) => `\`\`\`python\n${code}\n\`\`\``;

/** The last user message of a chat-completions request. */
function userPromptOf(request: RecordedRequest | undefined): string {
  const messages =
    (request?.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  const content = messages.filter((message) => message.role === 'user').at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content ?? '');
}

let folder: string;
let historyDir: string;
let server: WireServer | undefined;
let executer: Executer | undefined;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'executer-e2e-'));
  historyDir = join(folder, 'executions');
});

afterEach(async () => {
  await executer?.dispose();
  await server?.close();
  executer = undefined;
  server = undefined;
  await rm(folder, { recursive: true, force: true });
});

async function executerAgainst(answers: ScriptedReply[], options: ExecuterOptions = {}) {
  server = await startOpenAICompatibleServer({ answers });
  executer = await createExecuter({
    provider: 'openai-compatible',
    baseUrl: server.url,
    apiKey: 'local-test-key',
    historyDir,
    cwd: folder,
    env: {},
    ...options,
  });
  return { server, executer };
}

// The local runners that need nothing but Python; Docker has its own suite in runner-docker.
// Docker runs where an engine is configured (.ci/run starts one and exports DOCKER_HOST and
// EXECUTER_DOCKER_IMAGE); elsewhere the reason is printed, as runner-docker's own suites do.
const dockerHost = process.env.DOCKER_HOST;
if (!dockerHost)
  console.warn(
    '[executer e2e] skipping the docker runner: DOCKER_HOST is not set (start an engine with .ci/docker/start-engine.sh)',
  );
const runnerSettings: Record<string, ExecuterOptions> = {
  subprocess: {},
  exec: {},
  docker: {
    env: { DOCKER_HOST: dockerHost },
    runners: {
      docker: { image: process.env.EXECUTER_DOCKER_IMAGE ?? 'executer-python:local', pool_size: 1 },
    },
  },
};
const modes = dockerHost ? ['subprocess', 'exec', 'docker'] : ['subprocess', 'exec'];

describe.each(modes)('createExecuter() with the %s runner', (mode) => {
  it('succeeds on the first answer and saves one record', async () => {
    const { executer } = await executerAgainst([fenced('import math\nprint(math.factorial(10))')], {
      executionMode: mode,
      ...runnerSettings[mode],
    });
    const events: ExecuterEvent['type'][] = [];
    const result = await executer.run('Calculate the factorial of 10', {
      onEvent: (event) => events.push(event.type),
    });
    expect(result).toMatchObject({
      success: true,
      output: '3628800\n',
      error: '',
      executionMode: mode,
      provider: 'openai-compatible',
      saved: true,
    });
    expect(result.attempts).toHaveLength(1);
    expect(events).toEqual(
      expect.arrayContaining(['generating', 'code', 'running', 'stdout', 'attempt-end', 'saved']),
    );
    const files = await readdir(historyDir);
    expect(files).toEqual([`${result.executionId}_OK.json`]);
    const saved = JSON.parse(await readFile(join(historyDir, files[0] as string), 'utf8'));
    expect(saved).toMatchObject({
      execution_id: result.executionId,
      success: true,
      output: '3628800\n',
      execution_mode: mode,
    });
  });

  it('feeds the buggy code and its error back, and succeeds with the fix', async () => {
    const { executer, server } = await executerAgainst(
      [fenced('values = [1, 2, 3]\nprint(values[10])'), fenced('values = [1, 2, 3]\nprint(values[-1])')],
      {
        executionMode: mode,
        ...runnerSettings[mode],
      },
    );
    const result = await executer.run('Print the last value');
    expect(result.success).toBe(true);
    expect(result.output).toBe('3\n');
    expect(result.attempts.map((attempt) => attempt.status)).toEqual(['error', 'success']);
    expect(result.attempts[0]?.error).toContain('IndexError');
    const retry = userPromptOf(server.completionRequests[1]);
    expect(retry).toContain('print(values[10])');
    expect(retry).toContain('IndexError');
    expect(userPromptOf(server.completionRequests[0])).not.toContain('IndexError');
  });

  it('refuses code that breaks a SAFE rule, tells the model why, and runs the compliant retry', async () => {
    const { executer, server } = await executerAgainst(
      [fenced('import os\nos.system("echo pwned")'), fenced('print("no shell needed")')],
      { executionMode: mode, ...runnerSettings[mode] },
    );
    const result = await executer.run('Say something');
    expect(result.success).toBe(true);
    expect(result.output).toBe('no shell needed\n');
    // Caught before it runs by the static check ("violations"), or at run time by the guard
    // ("refused"): either way the shell never ran and the model is told which rule and where.
    expect(['violations', 'refused']).toContain(result.attempts[0]?.status);
    expect(result.attempts[0]?.output).not.toContain('pwned');
    const violation = result.attempts[0]?.violations[0];
    expect(violation?.line).toBe(2);
    const retry = userPromptOf(server.completionRequests[1]);
    expect(retry).toContain('os.system');
    expect(retry).toContain(violation?.message ?? '(no violation)');
  });

  it('the runtime guard refuses what the static check cannot see', async () => {
    const { executer } = await executerAgainst(
      [
        fenced(
          'import builtins\nloader = getattr(builtins, "__imp" + "ort__")\nmodule = loader("o" + "s")\ngetattr(module, "sys" + "tem")("echo pwned")',
        ),
      ],
      {
        executionMode: mode,
        ...runnerSettings[mode],
        maxRetries: 0,
      },
    );
    const result = await executer.run('Be sneaky');
    expect(result.success).toBe(false);
    expect(result.output).not.toContain('pwned');
    expect(['refused', 'violations']).toContain(result.attempts[0]?.status);
  });

  it('reports an answer with no code as a failed attempt and retries', async () => {
    const { executer, server } = await executerAgainst(
      ['I cannot write that program.', fenced('print("now with code")')],
      {
        executionMode: mode,
        ...runnerSettings[mode],
      },
    );
    const result = await executer.run('Print something');
    expect(result.attempts.map((attempt) => attempt.status)).toEqual(['no-code', 'success']);
    expect(userPromptOf(server.completionRequests[1])).toContain('fenced');
  });
});

describe('createExecuter() history', () => {
  it('writes, lists, shows and clears records, and reads one the seed wrote', async () => {
    await mkdir(historyDir, { recursive: true });
    // The seed's Python module wrote this: snake_case fields, no attempts, no usage.
    await writeFile(
      join(historyDir, '20260203_190708_059131_FAIL.json'),
      JSON.stringify(
        {
          execution_id: '20260203_190708_059131',
          timestamp: '2026-02-03T19:07:08.059131',
          instruction: 'Read a missing file',
          code: "print(open('missing.txt').read())\n",
          success: false,
          output: '',
          error: "FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'",
          execution_time: 0.031,
          provider: 'gemini',
          model: 'gemini-3-flash-preview',
          security_mode: 'safe',
          execution_mode: 'subprocess',
        },
        null,
        2,
      ),
    );
    const { executer } = await executerAgainst([fenced('print(1 + 1)'), fenced('print(2 + 2)')]);
    const first = await executer.run('Add one and one');
    const second = await executer.run('Add two and two');
    const direct = await executer.executeCode('print("direct")\n', { saveExecution: true });
    expect(direct).toMatchObject({ success: true, output: 'direct\n', saved: true, instruction: '' });

    const all = await executer.listExecutions();
    expect(all.map((record) => record.executionId)).toEqual([
      direct.executionId,
      second.executionId,
      first.executionId,
      '20260203_190708_059131',
    ]);
    expect(await executer.listExecutions({ limit: 2 })).toHaveLength(2);
    expect((await executer.listExecutions({ successOnly: true })).every((record) => record.success)).toBe(
      true,
    );
    expect(await executer.listExecutions({ successOnly: true })).toHaveLength(3);

    const seed = await executer.getExecution('20260203_190708_059131');
    expect(seed).toMatchObject({
      success: false,
      instruction: 'Read a missing file',
      provider: 'gemini',
      securityMode: 'safe',
    });
    expect(seed?.error).toContain('FileNotFoundError');
    expect(await executer.getExecution(second.executionId)).toMatchObject({
      output: '4\n',
      attempts: [{ status: 'success' }],
    });

    expect(await executer.clearExecutions({ keepRecent: 1 })).toBe(3);
    expect((await executer.listExecutions()).map((record) => record.executionId)).toEqual([
      direct.executionId,
    ]);
    expect(await executer.clearExecutions()).toBe(1);
    expect(await executer.listExecutions()).toEqual([]);
  });

  it('needs no API key for executeCode and history: the provider is created on first use', async () => {
    executer = await createExecuter({ historyDir, cwd: folder, env: {} });
    const result = await executer.executeCode('print(sum(range(5)))\n');
    expect(result).toMatchObject({ success: true, output: '10\n', saved: false });
    expect(await executer.listExecutions()).toEqual([]);
    await expect(executer.run('anything')).rejects.toBeInstanceOf(MissingApiKeyError);
  });

  it('does not save when saveExecutions is off', async () => {
    const { executer } = await executerAgainst([fenced('print("unsaved")')], { saveExecutions: false });
    const result = await executer.run('Print unsaved');
    expect(result).toMatchObject({ success: true, saved: false });
    expect(await executer.listExecutions()).toEqual([]);
  });
});
