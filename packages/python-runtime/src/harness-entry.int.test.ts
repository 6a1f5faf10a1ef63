import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { harnessEntry } from './harness-entry.js';
import { harnessPath } from './harness-path.js';
import { resolvePythonInterpreter } from './resolve-python-interpreter.js';

const root = await mkdtemp(join(tmpdir(), 'executer-bytecode-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const interpreter = await resolvePythonInterpreter('python3', 'subprocess');

async function runOnce(entry: string, code: string) {
  return execa(interpreter.path, ['-I', '-B', '-u', entry, 'once', '0', '0'], {
    input: code,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    stripFinalNewline: false,
    reject: false,
  });
}

describe('harnessEntry', () => {
  it('compiles the harness once per interpreter into a private folder, and the bytecode runs', async () => {
    const folder = join(root, 'cache', 'executer', 'python');
    const entry = await harnessEntry(interpreter, folder);
    expect(dirname(entry)).toBe(folder);
    expect(entry).toMatch(new RegExp(`harness-${interpreter.version}-[0-9a-f]{24}\\.pyc$`));
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const result = await runOnce(entry, 'print(40 + 2)');
    expect(result.stdout).toBe('42\n');
    expect(result.exitCode).toBe(0);
    // No temporary file is left, and a second caller gets the same file.
    expect(await readdir(folder)).toEqual([entry.slice(folder.length + 1)]);
    expect(await harnessEntry(interpreter, folder)).toBe(entry);
  });

  it('falls back to the source when the folder is writable by others', async () => {
    const folder = join(root, 'shared');
    await mkdir(folder);
    await chmod(folder, 0o777);
    expect(await harnessEntry(interpreter, folder)).toBe(harnessPath);
    expect(await readdir(folder)).toEqual([]);
  });

  it('falls back to the source when the folder cannot be made, and when caching is off', async () => {
    const file = join(root, 'a-file');
    await execa('touch', [file]);
    expect(await harnessEntry(interpreter, join(file, 'python'))).toBe(harnessPath);
    expect(await harnessEntry(interpreter, null)).toBe(harnessPath);
  });
});
