// End to end: the built `executer` command, spawned as a user would run it, against a local
// OpenAI-compatible server with scripted answers, the real runners and real Python.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type RecordedRequest,
  startOpenAICompatibleServer,
  type WireServer,
} from '@executer/test-kit/providers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const binPath = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');

interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

interface SpawnOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string>;
  /** Called with the child once stderr contains this text. */
  onStderr?: { text: string; act: (child: ReturnType<typeof spawn>) => void };
}

/** A clean environment: no EXECUTER_* settings or provider keys leak in from the machine. */
function cleanEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  return { ...environment, ...extra };
}

function executer(args: string[], options: SpawnOptions): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd,
      env: cleanEnvironment(options.env),
    });
    let stdout = '';
    let stderr = '';
    let triggered = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (options.onStderr && !triggered && stderr.includes(options.onStderr.text)) {
        triggered = true;
        options.onStderr.act(child);
      }
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolvePromise({ exitCode, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The last user message of a chat-completions request: where the retry's code and error must be. */
function userPromptOf(request: RecordedRequest | undefined): string {
  const messages =
    (request?.body as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [];
  const content = messages.filter((message) => message.role === 'user').at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content ?? '');
}

const fenced = (code: string) => `Here is the program:\n\n\`\`\`python\n${code}\n\`\`\`\n`;

let folder: string;
let historyDir: string;
let server: WireServer;

beforeAll(() => {
  if (!existsSync(binPath)) {
    throw new Error(
      `The CLI is not built: ${binPath} is missing. Run \`pnpm build\` before the integration tests.`,
    );
  }
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'executer-cli-'));
  historyDir = join(folder, 'history');
});

afterEach(async () => {
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

function modelOptions(): string[] {
  return [
    '--provider',
    'openai-compatible',
    '--base-url',
    server.url,
    '--api-key',
    'local-test-key',
    '--history-dir',
    historyDir,
  ];
}

describe('executer run', () => {
  it('prints the generated code and its output, and exits 0 when the first answer works', async () => {
    server = await startOpenAICompatibleServer({ answers: [fenced('print(6 * 7)')] });
    const result = await executer(['run', 'Multiply six by seven', ...modelOptions()], { cwd: folder });
    expect(result.stderr).not.toMatch(/error:/);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('print(6 * 7)');
    expect(result.stdout).toContain('42');
    expect(server.completionRequests).toHaveLength(1);
    expect(userPromptOf(server.completionRequests[0])).toContain('Multiply six by seven');
  });

  it('retries a buggy answer with its code and error, and succeeds with the fix', async () => {
    server = await startOpenAICompatibleServer({
      answers: [fenced('total = 10 / 0\nprint(total)'), fenced('print(10 // 2)')],
    });
    const result = await executer(['run', 'Divide ten by two', ...modelOptions()], { cwd: folder });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('5');
    expect(result.stderr).toContain('ZeroDivisionError');
    expect(result.stderr).toMatch(/Retrying/);
    expect(server.completionRequests).toHaveLength(2);
    const retryPrompt = userPromptOf(server.completionRequests[1]);
    expect(retryPrompt).toContain('total = 10 / 0');
    expect(retryPrompt).toContain('ZeroDivisionError');
  });

  it('refuses an answer that breaks a SAFE rule, feeds the violation back, and runs the compliant retry', async () => {
    server = await startOpenAICompatibleServer({
      answers: [
        fenced('import subprocess\nsubprocess.run(["ls"])'),
        fenced('print("listed without a process")'),
      ],
    });
    const result = await executer(['run', 'List files', ...modelOptions(), '--json'], { cwd: folder });
    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.success).toBe(true);
    // The static check ("violations") or the runtime guard ("refused") stops it.
    expect(document.attempts).toHaveLength(2);
    expect(['violations', 'refused']).toContain(document.attempts[0].status);
    expect(document.attempts[1].status).toBe('success');
    expect(document.attempts[0].violations.length).toBeGreaterThan(0);
    expect(document.output).toContain('listed without a process');
    const retryPrompt = userPromptOf(server.completionRequests[1]);
    expect(retryPrompt).toContain('subprocess.run');
    expect(retryPrompt).toContain(document.attempts[0].violations[0].message);
  });

  it('fails with exit code 1 when the answer holds no code', async () => {
    server = await startOpenAICompatibleServer({ answers: ['I am sorry, I cannot help with that.'] });
    const result = await executer(
      ['run', 'Do something', ...modelOptions(), '--max-retries', '0', '--json'],
      { cwd: folder },
    );
    expect(result.exitCode).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document.success).toBe(false);
    expect(document.attempts).toHaveLength(1);
    expect(document.attempts[0].status).toBe('no-code');
  });

  it('prints exactly one JSON document with --json: the ExecutionResult', async () => {
    server = await startOpenAICompatibleServer({ answers: [fenced('print("json mode")')] });
    const result = await executer(['run', 'Say json mode', ...modelOptions(), '--json', '--no-save'], {
      cwd: folder,
    });
    expect(result.exitCode).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({
      success: true,
      output: 'json mode\n',
      instruction: 'Say json mode',
      saved: false,
    });
    expect(document.provider).toBe('openai-compatible');
    expect(existsSync(historyDir) ? await readdir(historyDir) : []).toEqual([]);
  });

  it('sends --context and the contents of --context-file to the model', async () => {
    server = await startOpenAICompatibleServer({ answers: [fenced('print(3 + 5 + 8)')] });
    const contextFile = join(folder, 'numbers.txt');
    await writeFile(contextFile, 'numbers-from-the-file: 3 5 8');
    const result = await executer(
      [
        'run',
        'Sum the numbers',
        ...modelOptions(),
        '--context',
        'inline-context-marker',
        '--context-file',
        contextFile,
      ],
      { cwd: folder },
    );
    expect(result.exitCode).toBe(0);
    const prompt = userPromptOf(server.completionRequests[0]);
    expect(prompt).toContain('inline-context-marker');
    expect(prompt).toContain('numbers-from-the-file: 3 5 8');
  });

  it('without an API key, fails before any request with one line of cause, a hint and exit code 4', async () => {
    const result = await executer(['run', 'Anything', '--provider', 'groq', '--history-dir', historyDir], {
      cwd: folder,
    });
    expect(result.exitCode).toBe(4);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-2)).toMatch(/^error: .*GROQ_API_KEY/);
    expect(lines.at(-1)).toMatch(/^hint: /);
  });

  it('aborts on Ctrl-C, saves the record and exits 130', async () => {
    server = await startOpenAICompatibleServer({ answers: [{ fault: 'hang' }] });
    const result = await executer(['run', 'Wait forever', ...modelOptions()], {
      cwd: folder,
      onStderr: { text: 'Generating code', act: (child) => setTimeout(() => child.kill('SIGINT'), 200) },
    });
    expect(result.exitCode).toBe(130);
    const list = await executer(['history', 'list', '--history-dir', historyDir, '--json'], { cwd: folder });
    const records = JSON.parse(list.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ success: false, instruction: 'Wait forever' });
  });
});

describe('executer exec', () => {
  it('runs a file with no model and no key, prints its output and saves a record', async () => {
    const file = join(folder, 'hello.py');
    await writeFile(file, 'for number in range(3):\n    print(f"line {number}")\n');
    const result = await executer(['exec', file, '--history-dir', historyDir], { cwd: folder });
    expect(result.stderr).not.toMatch(/error:/);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('line 0\nline 1\nline 2\n');
    const list = JSON.parse(
      (await executer(['history', 'list', '--history-dir', historyDir, '--json'], { cwd: folder })).stdout,
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ success: true, instruction: '', output: 'line 0\nline 1\nline 2\n' });
  });

  it('reads code from stdin with "-", exits 1 when it raises, and --json prints the result', async () => {
    const result = await executer(['exec', '-', '--json', '--no-save', '--history-dir', historyDir], {
      cwd: folder,
      input: 'print("before")\nraise ValueError("boom")\n',
    });
    expect(result.exitCode).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ success: false, output: 'before\n', saved: false });
    expect(document.error).toContain('ValueError: boom');
  });

  it('refuses SAFE violations without running the code', async () => {
    const file = join(folder, 'write.py');
    await writeFile(file, 'import os\nos.remove("important.txt")\n');
    await writeFile(join(folder, 'important.txt'), 'keep me');
    const result = await executer(['exec', file, '--json', '--history-dir', historyDir], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).attempts[0].status).toMatch(/violations|refused/);
    expect(existsSync(join(folder, 'important.txt'))).toBe(true);
  });
});

describe('executer history', () => {
  // Written by hand in the format of the seed's Python module (snake_case, no attempts or usage).
  const seedRecord = {
    execution_id: '20260203_190708_059131',
    timestamp: '2026-02-03T19:07:08.059131',
    instruction: 'Calculate the factorial of 10 and display the result',
    code: 'import math\nprint(math.factorial(10))\n',
    success: true,
    output: '3628800\n',
    error: '',
    execution_time: 0.0421,
    provider: 'gemini',
    model: 'gemini-3-flash-preview',
    security_mode: 'safe',
    execution_mode: 'subprocess',
  };

  it('lists, shows and clears records, including one the seed wrote', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(historyDir, { recursive: true });
    await writeFile(join(historyDir, '20260203_190708_059131_OK.json'), JSON.stringify(seedRecord, null, 4));
    server = await startOpenAICompatibleServer({ answers: [fenced('print("newest")')] });
    const run = JSON.parse(
      (await executer(['run', 'Print newest', ...modelOptions(), '--json'], { cwd: folder })).stdout,
    );
    const ok = await executer(['exec', '-', '--history-dir', historyDir], {
      cwd: folder,
      input: 'print("exec record")\n',
    });
    expect(ok.exitCode).toBe(0);

    const list = await executer(['history', 'list', '--history-dir', historyDir, '--json'], { cwd: folder });
    expect(list.exitCode).toBe(0);
    const records = JSON.parse(list.stdout);
    expect(records).toHaveLength(3);
    expect(records.at(-1)).toMatchObject({
      executionId: '20260203_190708_059131',
      success: true,
      output: '3628800\n',
    });
    expect(records.map((record: { executionId: string }) => record.executionId)).toContain(run.executionId);

    const limited = JSON.parse(
      (
        await executer(['history', 'list', '--history-dir', historyDir, '--limit', '1', '--json'], {
          cwd: folder,
        })
      ).stdout,
    );
    expect(limited).toHaveLength(1);

    const text = await executer(['history', 'list', '--history-dir', historyDir], { cwd: folder });
    expect(text.stdout).toContain('20260203_190708_059131');
    expect(text.stdout).toContain('Calculate the factorial of 10');

    const shown = await executer(['history', 'show', '20260203_190708_059131', '--history-dir', historyDir], {
      cwd: folder,
    });
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toContain('print(math.factorial(10))');
    expect(shown.stdout).toContain('3628800');
    const shownJson = JSON.parse(
      (
        await executer(['history', 'show', run.executionId, '--history-dir', historyDir, '--json'], {
          cwd: folder,
        })
      ).stdout,
    );
    expect(shownJson).toMatchObject({
      executionId: run.executionId,
      instruction: 'Print newest',
      output: 'newest\n',
    });

    const cleared = await executer(
      ['history', 'clear', '--keep-recent', '1', '--history-dir', historyDir, '--json'],
      { cwd: folder },
    );
    expect(JSON.parse(cleared.stdout)).toEqual({ removed: 2 });
    const remaining = JSON.parse(
      (await executer(['history', 'list', '--history-dir', historyDir, '--json'], { cwd: folder })).stdout,
    );
    expect(remaining).toHaveLength(1);
    const all = await executer(['history', 'clear', '--history-dir', historyDir], { cwd: folder });
    expect(all.stdout).toContain('Removed 1 execution');
  });

  it('works with no API key and no config, and reports an unknown id with exit code 6', async () => {
    const result = await executer(
      ['history', 'show', '20990101_000000_000000', '--history-dir', historyDir],
      { cwd: folder },
    );
    expect(result.exitCode).toBe(6);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: no execution "20990101_000000_000000"/);
    expect(lines[1]).toMatch(/^hint: /);
  });
});

describe('configuration', () => {
  it('reports a bad config file as one line of cause and one line of hint, with exit code 3', async () => {
    const configFile = join(folder, 'bad.json');
    await writeFile(configFile, JSON.stringify({ execution: { timeout: -5 } }));
    const result = await executer(['exec', '-', '--config', configFile], {
      cwd: folder,
      input: 'print(1)\n',
    });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(configFile);
    expect(lines[0]).toContain('execution.timeout');
    expect(lines[1]).toMatch(/^hint: .*seconds above 0/);
  });

  it('with --json, a bad config also prints one JSON error document on stdout', async () => {
    const configFile = join(folder, 'bad.json');
    await writeFile(configFile, '{"execution": {"mode": "subprocess",}}');
    const result = await executer(['run', 'anything', '--config', configFile, '--json'], { cwd: folder });
    expect(result.exitCode).toBe(3);
    expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'CONFIG_INVALID', exitCode: 3 });
  });

  it('shows where each value came from and never prints an API key', async () => {
    const configFile = join(folder, 'config.json');
    await writeFile(
      configFile,
      JSON.stringify({ ai: { api_key: 'sk-file-secret-123' }, execution: { timeout: 12 } }),
    );
    const result = await executer(
      ['config', '--json', '--api-key', 'sk-option-secret-456', '--provider', 'groq'],
      {
        cwd: folder,
        env: { EXECUTER_MAX_RETRIES: '4' },
      },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('secret');
    const settings = JSON.parse(result.stdout).settings as {
      key: string;
      value: unknown;
      source: string;
      detail: string;
    }[];
    const byKey = Object.fromEntries(settings.map((entry) => [entry.key, entry]));
    expect(byKey.timeoutSeconds).toMatchObject({ value: 12, source: 'file' });
    expect(byKey.maxRetries).toMatchObject({
      value: 4,
      source: 'environment',
      detail: 'EXECUTER_MAX_RETRIES',
    });
    expect(byKey.provider).toMatchObject({ value: 'groq', source: 'option' });
    expect(byKey.mode).toMatchObject({ value: 'subprocess', source: 'default' });
    const text = await executer(['config'], { cwd: folder });
    expect(text.stdout).not.toContain('secret');
    expect(text.stdout).toContain('execution.timeout');
  });

  it('rejects a bad option value as a usage error with exit code 2', async () => {
    const result = await executer(['run', 'x', '--timeout', 'soon'], { cwd: folder });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--timeout');
  });

  it('has help with examples on every command', async () => {
    for (const command of [
      [],
      ['run'],
      ['exec'],
      ['history'],
      ['history', 'list'],
      ['history', 'show'],
      ['history', 'clear'],
      ['config'],
    ]) {
      const result = await executer([...command, '--help'], { cwd: folder });
      expect(result.exitCode, command.join(' ')).toBe(0);
      expect(result.stdout, command.join(' ')).toContain('Examples:');
    }
  });
});

afterAll(async () => {
  await server?.close();
});
