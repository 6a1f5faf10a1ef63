import { type ChildProcess, spawn } from 'node:child_process';
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FsHistoryStore } from './fs-history-store.js';

const outputBytes = 8 * 1024 * 1024;

// Node runs the TypeScript sources directly (type stripping); this hook maps the ".js" specifiers
// of the sources to their ".ts" files.
const resolveHook = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.endsWith('.js')) throw error;
    return next(specifier.slice(0, -3) + '.ts', context);
  }
}`;

// Saves big records in a loop, printing "s" as each save starts and "d" when it is done.
const writer = (storeUrl: string, directory: string, round: number) => `
const { FsHistoryStore } = await import(${JSON.stringify(storeUrl)});
const store = new FsHistoryStore({ directory: ${JSON.stringify(directory)} });
const output = 'x'.repeat(${outputBytes});
for (let index = 0; ; index++) {
  process.stdout.write('s');
  await store.save({
    executionId: '20260203_19${String(round).padStart(4, '0')}_' + String(index).padStart(6, '0'),
    timestamp: new Date().toISOString(), instruction: 'flood', code: 'print("x" * 8_000_000)',
    success: index % 2 === 0, output, error: '', executionTime: 0.1, provider: 'test', model: 'test',
    securityMode: 'safe', executionMode: 'subprocess',
  });
  process.stdout.write('d');
}`;

/**
 * Once the writer has finished one save, kills it with SIGKILL as soon as the next save's
 * temporary file appears (inotify and the like), or `delayMs` after that save began, whichever is
 * first: the kill lands before, while or just after the file is written.
 */
async function killMidWrite(child: ChildProcess, directory: string, delayMs: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let watcher: FSWatcher | undefined;
    const kill = () => {
      watcher?.close();
      child.kill('SIGKILL');
    };
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      watcher?.close();
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited early with ${code}`));
    });
    let done = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const character of chunk.toString()) {
        if (character === 'd' && ++done === 1) {
          watcher = watch(directory, (_event, name) => {
            if (name?.endsWith('.tmp')) kill();
          });
        }
        if (character === 's' && done >= 1) setTimeout(kill, delayMs);
      }
    });
  });
}

async function leftoversIn(directory: string): Promise<string[]> {
  return (await readdir(directory)).filter((name) => name.endsWith('.tmp'));
}

describe('FsHistoryStore when the writing process is killed', () => {
  it('never leaves a corrupt visible record, and its leftovers are ignored then cleaned', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'executer-history-crash-'));
    onTestFinished(() => rm(scratch, { recursive: true, force: true }));
    const directory = join(scratch, 'executions');
    await mkdir(directory);
    const hook = join(scratch, 'hook.mjs');
    await writeFile(hook, resolveHook);
    const register = join(scratch, 'register.mjs');
    await writeFile(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`,
    );
    const storeUrl = new URL('./fs-history-store.ts', import.meta.url).href;

    // Kills at different points of a save, until at least two have landed while a temporary file
    // was there.
    const delaysMs = [1, 5, 10, 20, 40];
    let rounds = 0;
    for (; rounds < 4 || (await leftoversIn(directory)).length < 2; rounds++) {
      if (rounds >= 30) break;
      const child = spawn(
        process.execPath,
        [
          '--conditions=source',
          '--import',
          register,
          '--input-type=module',
          '--eval',
          writer(storeUrl, directory, rounds),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await killMidWrite(child, directory, delaysMs[rounds % delaysMs.length] as number);
    }

    const names = await readdir(directory);
    const visible = names.filter((name) => name.endsWith('.json'));
    // Each round completed at least one save; some kills landed while a save was writing.
    expect(visible.length).toBeGreaterThanOrEqual(rounds);
    expect((await leftoversIn(directory)).length).toBeGreaterThanOrEqual(2);
    for (const name of visible) {
      const json = JSON.parse(await readFile(join(directory, name), 'utf8'));
      expect(json.output).toHaveLength(outputBytes);
    }

    const warnings: string[] = [];
    const store = new FsHistoryStore({ directory, onWarning: (message) => warnings.push(message) });
    const records = await store.list();
    expect(records).toHaveLength(visible.length);
    for (const record of records) expect(record.output).toHaveLength(outputBytes);
    expect(warnings).toEqual([]);

    expect(await store.clear()).toBe(visible.length);
    expect(await readdir(directory)).toEqual([]);
  });
});
