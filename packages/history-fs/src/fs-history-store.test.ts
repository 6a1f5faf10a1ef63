import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExecutionId, type ExecutionRecord, HistoryError } from '@executer/core';
import { afterAll, describe, expect, it } from 'vitest';
import { FsHistoryStore } from './fs-history-store.js';

const seedFixtures = new URL('./test-fixtures/seed-executions/', import.meta.url);

function makeRecord(executionId: string, overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    executionId,
    timestamp: '2026-02-03T19:07:08.059Z',
    instruction: 'Calculate the factorial of 10 and display the result',
    code: 'import math\nprint(math.factorial(10))\n',
    success: true,
    output: '3628800\n',
    error: '',
    executionTime: 1.25,
    provider: 'openai',
    model: 'gpt-4o-mini',
    securityMode: 'safe',
    executionMode: 'subprocess',
    ...overrides,
  };
}

const folders: string[] = [];

async function emptyFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'executer-history-'));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

function storeIn(directory: string) {
  const warnings: string[] = [];
  const store = new FsHistoryStore({ directory, onWarning: (message) => warnings.push(message) });
  return { store, warnings };
}

const idAt = (second: number, micros = 0) =>
  `20260203_19${String(Math.floor(second / 60)).padStart(2, '0')}${String(second % 60).padStart(2, '0')}_${String(micros).padStart(6, '0')}`;

describe('FsHistoryStore', () => {
  it('round-trips a record with attempts and usage through a snake_case file named by id and status', async () => {
    const directory = await emptyFolder();
    const { store, warnings } = storeIn(directory);
    const record = makeRecord('20260203_190708_059131', {
      success: false,
      error: "NameError: name 'math' is not defined",
      usage: { inputTokens: 120, outputTokens: 40, totalTokens: 160 },
      attempts: [
        {
          number: 1,
          status: 'violations',
          code: 'import os\nos.remove("x")\n',
          output: '',
          error: 'line 2: os.remove deletes files [file-write]',
          violations: [
            { rule: 'file-write', message: 'os.remove deletes files', line: 2, column: 1, source: 'static' },
          ],
          exitCode: null,
          durationMs: 0.4,
          usage: { inputTokens: 60, outputTokens: 20, totalTokens: 80 },
        },
        {
          number: 2,
          status: 'error',
          code: 'print(math.pi)\n',
          output: '',
          error: "NameError: name 'math' is not defined",
          violations: [],
          exitCode: 1,
          durationMs: 35,
        },
      ],
    });

    expect(await store.save(record)).toBe('20260203_190708_059131');
    expect(await readdir(directory)).toEqual(['20260203_190708_059131_FAIL.json']);
    const json = JSON.parse(await readFile(join(directory, '20260203_190708_059131_FAIL.json'), 'utf8'));
    expect(Object.keys(json)).toEqual([
      'execution_id',
      'timestamp',
      'instruction',
      'code',
      'success',
      'output',
      'error',
      'execution_time',
      'provider',
      'model',
      'security_mode',
      'execution_mode',
      'attempts',
      'usage',
    ]);
    expect(json.usage).toEqual({ input_tokens: 120, output_tokens: 40, total_tokens: 160 });
    expect(json.attempts[1]).toMatchObject({ exit_code: 1, duration_ms: 35 });
    expect(json.attempts[0].usage).toEqual({ input_tokens: 60, output_tokens: 20, total_tokens: 80 });

    expect(await store.get('20260203_190708_059131')).toEqual(record);
    expect(await store.list()).toEqual([record]);
    expect(warnings).toEqual([]);
  });

  it('reads the files the seed Python module wrote', async () => {
    const directory = await emptyFolder();
    await cp(seedFixtures, directory, { recursive: true });
    const { store, warnings } = storeIn(directory);

    const records = await store.list();
    expect(records.map((record) => record.executionId)).toEqual([
      '20260203_191002_e5f6a7b8',
      '20260203_190815_120044',
      '20260203_190708_059131',
    ]);
    const factorial = await store.get('20260203_190708_059131');
    expect(factorial).toEqual({
      executionId: '20260203_190708_059131',
      timestamp: '2026-02-03T19:07:08.059131',
      instruction: 'Calculate the factorial of 10 and display the result',
      code: 'import math\n\nresult = math.factorial(10)\nprint(f"Factorial of 10: {result}")\n',
      success: true,
      output: 'Factorial of 10: 3628800\n',
      error: '',
      executionTime: 2.4183619022369385,
      provider: 'gemini',
      model: 'gemini-3-flash-preview',
      securityMode: 'safe',
      executionMode: 'subprocess',
    });
    expect(factorial).not.toHaveProperty('attempts');
    expect(factorial).not.toHaveProperty('usage');

    // Extra keys are dropped; the id is the file name's, by which it is found.
    const failed = await store.get('20260203_190815_120044');
    expect(failed).toMatchObject({
      success: false,
      model: 'gpt-4o-mini',
      error: expect.stringContaining('SAFE mode'),
    });
    expect(failed).not.toHaveProperty('retries');

    // Files named "<date>_<time>_<id>_OK.json" are found by that id too; "PERMISSIVE" reads as a mode.
    expect(await store.get('e5f6a7b8')).toMatchObject({
      executionId: '20260203_191002_e5f6a7b8',
      securityMode: 'permissive',
      executionMode: 'exec',
    });
    expect(warnings).toEqual([]);
  });

  it('gives 1,000 concurrent saves of one id 1,000 distinct ids, all readable', async () => {
    const directory = await emptyFolder();
    const { store, warnings } = storeIn(directory);
    const ids = await Promise.all(
      Array.from({ length: 1_000 }, (_, index) =>
        store.save(
          makeRecord('20260203_190708_000000', { success: index % 3 !== 0, output: `run ${index}\n` }),
        ),
      ),
    );
    expect(new Set(ids).size).toBe(1_000);
    // Clashes move on by microseconds, keeping the seed's id shape and time order.
    for (const id of ids) expect(id).toMatch(/^20260203_190708_\d{6}$/);

    const names = await readdir(directory);
    expect(names).toHaveLength(1_000);
    const fromNames = new Set(names.map((name) => name.replace(/_(OK|FAIL)\.json$/, '')));
    expect(fromNames).toEqual(new Set(ids));

    const listed = await store.list();
    expect(listed).toHaveLength(1_000);
    expect(new Set(listed.map((record) => record.output))).toEqual(
      new Set(Array.from({ length: 1_000 }, (_, index) => `run ${index}\n`)),
    );
    for (const [index, id] of ids.entries()) {
      expect((await store.get(id))?.output).toBe(`run ${index}\n`);
    }
    expect(warnings).toEqual([]);
  });

  it('gives concurrent saves from two stores on one folder distinct ids', async () => {
    const directory = await emptyFolder();
    const first = storeIn(directory).store;
    const second = storeIn(directory).store;
    const id = createExecutionId();
    const ids = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        (index % 2 ? first : second).save(makeRecord(id, { success: index % 4 < 2 })),
      ),
    );
    expect(new Set(ids).size).toBe(200);
    expect(await readdir(directory)).toHaveLength(200);
  });

  it('never reuses an id held on disk by a record of the other status', async () => {
    const directory = await emptyFolder();
    const { store } = storeIn(directory);
    expect(await store.save(makeRecord(idAt(1), { success: false }))).toBe(idAt(1));
    const fresh = storeIn(directory).store;
    const second = await fresh.save(makeRecord(idAt(1), { success: true }));
    expect(second).toBe(idAt(1, 1));
    expect((await fresh.get(idAt(1)))?.success).toBe(false);
    expect((await fresh.get(second))?.success).toBe(true);
  });

  it('replaces an id that is unsafe as a file name with one from the timestamp', async () => {
    const { store } = storeIn(await emptyFolder());
    const id = await store.save(makeRecord('../../etc/passwd'));
    expect(id).toMatch(/^\d{8}_\d{6}_\d{6}$/);
    expect((await store.get(id))?.executionId).toBe(id);
    expect(await store.get('../../etc/passwd')).toBeUndefined();
  });

  it('skips a corrupt or foreign record file with a warning, and ignores other files silently', async () => {
    const directory = await emptyFolder();
    const { store, warnings } = storeIn(directory);
    await store.save(makeRecord(idAt(1)));
    await store.save(makeRecord(idAt(4)));
    await writeFile(join(directory, `${idAt(2)}_OK.json`), '{"execution_id": "half a rec');
    await writeFile(join(directory, `${idAt(3)}_FAIL.json`), '{"hello": "world"}');
    await writeFile(join(directory, `${idAt(5)}_OK.json`), '[1, 2, 3]');
    await writeFile(join(directory, 'README.md'), '# notes');
    await writeFile(join(directory, '.gitkeep'), '');
    await writeFile(join(directory, 'notes.json'), '{}');

    expect((await store.list()).map((record) => record.executionId)).toEqual([idAt(4), idAt(1)]);
    expect(warnings).toHaveLength(3);
    // Files are read concurrently, so the warnings come in any order.
    expect(warnings.some((warning) => warning.includes(`${idAt(5)}_OK.json: it is not a JSON object`))).toBe(
      true,
    );
    expect(
      warnings.some((warning) => warning.includes(`${idAt(3)}_FAIL.json: it is not an execution record`)),
    ).toBe(true);
    expect(warnings.some((warning) => warning.includes(`${idAt(2)}_OK.json: it is not valid JSON`))).toBe(
      true,
    );

    // A limit is still filled past the skipped files.
    expect((await store.list({ limit: 2 })).map((record) => record.executionId)).toEqual([idAt(4), idAt(1)]);
    expect(await store.get(idAt(2))).toBeUndefined();
    // Each file is reported once per store.
    expect(warnings).toHaveLength(3);
  });

  it('warns through process.emitWarning by default', async () => {
    const directory = await emptyFolder();
    await writeFile(join(directory, `${idAt(2)}_OK.json`), 'not json');
    const emitted: string[] = [];
    const listener = (warning: Error) => emitted.push(`${warning.name}: ${warning.message}`);
    process.on('warning', listener);
    try {
      expect(await new FsHistoryStore({ directory }).list()).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(emitted).toEqual([
      expect.stringMatching(/^ExecuterHistoryWarning: Skipping history file .*not valid JSON/),
    ]);
  });

  it('parses only the records it returns', async () => {
    const directory = await emptyFolder();
    const { store, warnings } = storeIn(directory);
    await store.save(makeRecord(idAt(8)));
    await store.save(makeRecord(idAt(9), { success: false }));
    // Older files that a limited listing must not open at all.
    for (let second = 1; second <= 5; second++)
      await writeFile(join(directory, `${idAt(second)}_OK.json`), 'corrupt');
    expect((await store.list({ limit: 2 })).map((record) => record.executionId)).toEqual([idAt(9), idAt(8)]);
    expect(await store.get(idAt(9))).toBeDefined();
    expect(warnings).toEqual([]);
  });

  it('ignores temporary files left by a crash, removes stale ones on first use and all of them on clear', async () => {
    const directory = await emptyFolder();
    await mkdir(directory, { recursive: true });
    const stale = join(directory, `.${idAt(1)}.0badc0ffee00.tmp`);
    const fresh = join(directory, `.${idAt(2)}.0123456789ab.tmp`);
    await writeFile(stale, '{"execution_id": "20260203_190001_000000", "succ');
    await writeFile(fresh, '');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(stale, twoMinutesAgo, twoMinutesAgo);
    const { store, warnings } = storeIn(directory);
    await store.save(makeRecord(idAt(3)));

    expect((await store.list()).map((record) => record.executionId)).toEqual([idAt(3)]);
    expect(await store.get(idAt(1))).toBeUndefined();
    expect(warnings).toEqual([]);
    expect((await readdir(directory)).sort()).toEqual(
      [fresh.slice(directory.length + 1), `${idAt(3)}_OK.json`].sort(),
    );

    expect(await store.clear()).toBe(1);
    expect(await readdir(directory)).toEqual([]);
  });

  it('lists newest first by file name, whatever the save order', async () => {
    const { store } = storeIn(await emptyFolder());
    const seconds = [5, 1, 9, 3, 7];
    for (const second of seconds) await store.save(makeRecord(idAt(second), { timestamp: `t${second}` }));
    expect((await store.list()).map((record) => record.executionId)).toEqual(
      [9, 7, 5, 3, 1].map((second) => idAt(second)),
    );
    expect((await store.list({ limit: 3 })).map((record) => record.executionId)).toEqual([
      idAt(9),
      idAt(7),
      idAt(5),
    ]);
    expect(await store.list({ limit: 0 })).toEqual([]);
  });

  it('lists only successes when asked, by the status in the file name', async () => {
    const { store } = storeIn(await emptyFolder());
    for (let second = 1; second <= 6; second++)
      await store.save(makeRecord(idAt(second), { success: second % 2 === 0 }));
    const successes = await store.list({ successOnly: true });
    expect(successes.map((record) => record.executionId)).toEqual([idAt(6), idAt(4), idAt(2)]);
    expect(successes.every((record) => record.success)).toBe(true);
    expect((await store.list({ successOnly: true, limit: 2 })).map((record) => record.executionId)).toEqual([
      idAt(6),
      idAt(4),
    ]);
  });

  it('fills a small limit from a large folder past corrupt newest files, with and without the status filter', async () => {
    const directory = await emptyFolder();
    const { store, warnings } = storeIn(directory);
    // Enough files that the newest few are picked without sorting the folder.
    for (let second = 0; second < 300; second++) {
      const record = makeRecord(idAt(second), { success: second % 3 !== 0 });
      await writeFile(
        join(directory, `${idAt(second)}_${record.success ? 'OK' : 'FAIL'}.json`),
        JSON.stringify({ ...record, execution_id: record.executionId, execution_time: 1 }),
      );
    }
    for (const second of [299, 298, 296]) {
      await writeFile(join(directory, `${idAt(second)}_${second % 3 ? 'OK' : 'FAIL'}.json`), 'corrupt');
    }
    const ids = async (options: { limit: number; successOnly?: boolean }) =>
      (await storeIn(directory).store.list(options)).map((record) => record.executionId);
    expect(await ids({ limit: 3 })).toEqual([297, 295, 294].map((second) => idAt(second)));
    expect(await ids({ limit: 3, successOnly: true })).toEqual([295, 293, 292].map((second) => idAt(second)));
    expect(await ids({ limit: 40 })).toHaveLength(40);
    expect((await store.list()).length).toBe(297);
    expect(warnings).toHaveLength(3);
  });

  it('clears all but the newest N and says how many it removed', async () => {
    const directory = await emptyFolder();
    const { store } = storeIn(directory);
    for (let second = 1; second <= 5; second++)
      await store.save(makeRecord(idAt(second), { success: second !== 4 }));
    expect(await store.clear({ keepRecent: 2 })).toBe(3);
    expect((await store.list()).map((record) => record.executionId)).toEqual([idAt(5), idAt(4)]);
    expect(await store.clear({ keepRecent: 10 })).toBe(0);
    expect(await store.clear()).toBe(2);
    expect(await store.list()).toEqual([]);
    expect(await store.clear()).toBe(0);
  });

  it('gets a record by id, of either status, and undefined for an unknown id', async () => {
    const { store } = storeIn(await emptyFolder());
    await store.save(makeRecord(idAt(1), { success: true, output: 'one' }));
    await store.save(makeRecord(idAt(2), { success: false, output: 'two' }));
    expect((await store.get(idAt(1)))?.output).toBe('one');
    expect((await store.get(idAt(2)))?.output).toBe('two');
    expect(await store.get(idAt(3))).toBeUndefined();
    expect(await store.get('')).toBeUndefined();
  });

  it('treats a missing folder as empty and creates it on the first save', async () => {
    const directory = join(await emptyFolder(), 'not', 'yet');
    const { store } = storeIn(directory);
    expect(await store.list()).toEqual([]);
    expect(await store.get(idAt(1))).toBeUndefined();
    expect(await store.clear()).toBe(0);
    await store.save(makeRecord(idAt(1)));
    expect((await stat(directory)).isDirectory()).toBe(true);
    expect(await store.list()).toHaveLength(1);
  });

  it('sees records another process saved after a listing it reused', async () => {
    const directory = await emptyFolder();
    const { store } = storeIn(directory);
    await store.save(makeRecord(idAt(1)));
    // An old folder timestamp lets the store keep its listing.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(directory, anHourAgo, anHourAgo);
    expect(await store.list()).toHaveLength(1);
    expect(await store.list()).toHaveLength(1);

    await storeIn(directory).store.save(makeRecord(idAt(2)));
    expect((await store.list()).map((record) => record.executionId)).toEqual([idAt(2), idAt(1)]);
  });

  it('turns I/O failures into HistoryError', async () => {
    const parent = await emptyFolder();
    const file = join(parent, 'a-file');
    await writeFile(file, 'not a folder');
    const { store } = storeIn(file);
    await expect(store.list()).rejects.toBeInstanceOf(HistoryError);
    await expect(store.save(makeRecord(idAt(1)))).rejects.toMatchObject({
      name: 'HistoryError',
      code: 'HISTORY_IO',
    });
    await expect(store.clear()).rejects.toBeInstanceOf(HistoryError);
  });
});
