// Runs the example as its README says, on a small folder, against a local OpenAI-compatible server
// that answers from answers.json. Needs the packages built (`pnpm build`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ScriptedReply, startOpenAICompatibleServer } from '@executer/test-kit/providers';
import { expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builtExecuter = resolve(exampleDir, '..', '..', 'packages', 'executer', 'dist', 'index.js');

it('lists, searches, counts and measures a folder in SAFE mode, with no key, against a local server', async () => {
  if (!existsSync(builtExecuter)) throw new Error(`${builtExecuter} is missing: run \`pnpm build\` first.`);
  const answers = JSON.parse(await readFile(join(exampleDir, 'answers.json'), 'utf8')) as ScriptedReply[];
  await using server = await startOpenAICompatibleServer({ answers });
  const folder = await mkdtemp(join(tmpdir(), 'file-lister-'));
  const historyDir = await mkdtemp(join(tmpdir(), 'file-lister-history-'));
  try {
    await mkdir(join(folder, 'docs'));
    await writeFile(join(folder, 'README.md'), '# hello\n');
    await writeFile(join(folder, 'notes.txt'), 'twelve bytes');
    await writeFile(join(folder, 'docs', 'guide.md'), 'guide\n');
    const { exitCode, stdout } = await new Promise<{ exitCode: number | null; stdout: string }>(
      (done, fail) => {
        const child = spawn(process.execPath, ['src/file-lister.ts', folder], {
          cwd: exampleDir,
          env: {
            PATH: process.env.PATH ?? '',
            EXECUTER_PROVIDER: 'openai-compatible',
            EXECUTER_BASE_URL: server.url,
            EXECUTER_HISTORY_DIR: historyDir,
          },
        });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
        });
        child.on('error', fail);
        child.on('close', (code) => done({ exitCode: code, stdout: out }));
      },
    );
    expect(exitCode, stdout).toBe(0);
    expect(stdout).toContain('README.md\ndocs/\nnotes.txt\n');
    expect(stdout).toContain(`README.md\n${join('docs', 'guide.md')}\n`);
    expect(stdout).toContain('.md: 2\n.txt: 1\n');
    expect(stdout).toContain('files: 3\nfolders: 1\nbytes: 26\n');
  } finally {
    await rm(folder, { recursive: true, force: true });
    await rm(historyDir, { recursive: true, force: true });
  }
});
