// Runs the example exactly as its README says, against a local OpenAI-compatible server that
// answers from answers.json. Needs the packages built (`pnpm build`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ScriptedReply, startOpenAICompatibleServer } from '@executer/test-kit/providers';
import { expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builtExecuter = resolve(exampleDir, '..', '..', 'packages', 'executer', 'dist', 'index.js');

it('prints every result of the calculator example, with no key, against a local server', async () => {
  if (!existsSync(builtExecuter)) throw new Error(`${builtExecuter} is missing: run \`pnpm build\` first.`);
  const answers = JSON.parse(await readFile(join(exampleDir, 'answers.json'), 'utf8')) as ScriptedReply[];
  await using server = await startOpenAICompatibleServer({ answers });
  const historyDir = await mkdtemp(join(tmpdir(), 'calculator-'));
  try {
    const { exitCode, stdout, stderr } = await new Promise<{
      exitCode: number | null;
      stdout: string;
      stderr: string;
    }>((done, fail) => {
      const child = spawn(process.execPath, ['src/calculator.ts'], {
        cwd: exampleDir,
        env: {
          PATH: process.env.PATH ?? '',
          EXECUTER_PROVIDER: 'openai-compatible',
          EXECUTER_BASE_URL: server.url,
          EXECUTER_HISTORY_DIR: historyDir,
        },
      });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        err += chunk;
      });
      child.on('error', fail);
      child.on('close', (code) => done({ exitCode: code, stdout: out, stderr: err }));
    });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('= 7006652');
    expect(stdout).toContain('= 181.0');
    expect(stdout).toContain('1.4142135624');
    expect(stdout).toContain('4389');
    expect(server.completionRequests).toHaveLength(4);
    expect(await readdir(historyDir)).toHaveLength(4);
  } finally {
    await rm(historyDir, { recursive: true, force: true });
  }
});
