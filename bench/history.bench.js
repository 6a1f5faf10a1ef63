// History with 100,000 records: `list({ limit: 10 })`, `get(id)` and `save`, against baselines
// measured in the same run on the same folder: a bare readdir plus reading and parsing the ten
// files list returns, a bare readFile plus JSON.parse of one file, and a bare writeFile.
// Targets (medians): list ≤ 50 ms, get ≤ 5 ms, save ≤ 2 ms.
// `list` is measured twice: cold (a new store per call, as each `executer history list` command
// is) and warm (one long-lived store reusing its folder listing while the folder is unchanged).
// Packages are imported from their builds (`pnpm build` first).

import { writeFileSync } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeExecutionRecord, FsHistoryStore, recordFileName } from '@executer/history-fs';
import { printTable, sample, summarise, writeResults } from './lib/measure.js';

const recordCount = 100_000;
const targets = { list: 50, get: 5, save: 2 };

/** A seed-style id for record `index`: ten records per second from 2026-01-01 00:00:00. */
function idFor(index) {
  const second = Math.floor(index / 10);
  const pad = (value, width = 2) => String(value).padStart(width, '0');
  const day = 1 + Math.floor(second / 86_400);
  const rest = second % 86_400;
  return `202601${pad(day)}_${pad(Math.floor(rest / 3600))}${pad(Math.floor((rest % 3600) / 60))}${pad(rest % 60)}_${pad((index % 10) * 1000, 6)}`;
}

function recordFor(index, executionId = idFor(index)) {
  const success = index % 4 !== 0;
  return {
    executionId,
    timestamp: new Date(Date.UTC(2026, 0, 1) + index * 100).toISOString(),
    instruction: `Calculate the factorial of ${index % 50} and display the result`,
    code: `import math\n\nresult = math.factorial(${index % 50})\nprint(f"Factorial: {result}")\n`,
    success,
    output: success ? `Factorial: ${index}\n` : '',
    error: success
      ? ''
      : 'Traceback (most recent call last):\n  File "main.py", line 3\nNameError: name \'mth\' is not defined',
    executionTime: 1.5,
    provider: 'openai',
    model: 'gpt-4o-mini',
    securityMode: 'safe',
    executionMode: 'subprocess',
    attempts: [
      {
        number: 1,
        status: success ? 'success' : 'error',
        code: 'print(1)\n',
        output: '',
        error: '',
        violations: [],
        exitCode: success ? 0 : 1,
        durationMs: 40,
        usage: { inputTokens: 300, outputTokens: 40, totalTokens: 340 },
      },
    ],
    usage: { inputTokens: 300, outputTokens: 40, totalTokens: 340 },
  };
}

/** The file a save would write, encoded as the store encodes it (written directly, so 100,000 are quick). */
function fileFor(index) {
  const record = recordFor(index);
  return {
    name: recordFileName(record.executionId, record.success),
    text: `${JSON.stringify(encodeExecutionRecord(record, record.executionId), null, 2)}\n`,
  };
}

/** Samples functions in turns, so that they share the noise of a busy machine; returns each one's samples in ms. */
async function alternate(functions, { iterations, warmup }) {
  const samples = functions.map(() => []);
  for (let index = 0; index < warmup + iterations; index++) {
    for (const [which, fn] of functions.entries()) {
      const started = performance.now();
      await fn(index);
      if (index >= warmup) samples[which].push(performance.now() - started);
    }
  }
  return samples;
}

export async function bench({ quick = false } = {}) {
  const scale = quick ? 0.1 : 1;
  const iterations = (count) => Math.max(10, Math.round(count * scale));
  const directory = await mkdtemp(join(tmpdir(), 'executer-history-bench-'));
  try {
    const generatingStarted = performance.now();
    for (let index = 0; index < recordCount; index++) {
      const { name, text } = fileFor(index);
      writeFileSync(join(directory, name), text);
    }
    console.log(
      `\nhistory: wrote ${recordCount} records in ${Math.round(performance.now() - generatingStarted)} ms`,
    );

    const newestTen = Array.from({ length: 10 }, (_, offset) => idFor(recordCount - 1 - offset));
    const check = (records) => {
      const ids = records.map((record) => record.executionId).join(',');
      if (ids !== newestTen.join(','))
        throw new Error(`list returned ${ids}, expected ${newestTen.join(',')}`);
    };

    // list: each cold call costs a full readdir, so the two are alternated to share the noise of
    // a busy machine rather than meet it at different times.
    const [listBaseline, listCold] = await alternate(
      [
        async () => {
          const names = await readdir(directory);
          const newest = names.sort().slice(-10).reverse();
          await Promise.all(
            newest.map(async (name) => JSON.parse(await readFile(join(directory, name), 'utf8'))),
          );
        },
        async () => check(await new FsHistoryStore({ directory }).list({ limit: 10 })),
      ],
      { iterations: iterations(40), warmup: 3 },
    );
    // The warm store reuses its listing only once the folder has been quiet for 2 s.
    await sleep(2_100);
    const warmStore = new FsHistoryStore({ directory });
    const listWarm = await sample(async () => check(await warmStore.list({ limit: 10 })), {
      iterations: iterations(500),
      warmup: 20,
    });

    // get
    const getIds = Array.from({ length: 997 }, (_, index) => idFor((index * 7919) % recordCount));
    const getNames = getIds.map((_, index) => fileFor((index * 7919) % recordCount).name);
    const getStore = new FsHistoryStore({ directory });
    const [getBaseline, get] = await alternate(
      [
        async (index) =>
          JSON.parse(await readFile(join(directory, getNames[index % getNames.length]), 'utf8')),
        async (index) => {
          const record = await getStore.get(getIds[index % getIds.length]);
          if (!record) throw new Error(`get(${getIds[index % getIds.length]}) found nothing`);
        },
      ],
      { iterations: iterations(2_000), warmup: 50 },
    );

    // save, into the same folder of 100,000 records, the three ways in turns
    const text = fileFor(0).text;
    const saveStore = new FsHistoryStore({ directory });
    const [saveBaseline, saveByHand, save] = await alternate(
      [
        (index) => writeFile(join(directory, `20270101_000000_${index}_base.json`), text),
        async (index) => {
          const temporary = join(directory, `.hand-${index}.tmp`);
          const handle = await open(temporary, 'w');
          await handle.writeFile(text);
          await handle.sync();
          await handle.close();
          await rename(temporary, join(directory, `20270101_000000_${index}_hand.json`));
        },
        (index) => saveStore.save(recordFor(index, `20280101_000000_${String(index).padStart(6, '0')}`)),
      ],
      { iterations: iterations(1_000), warmup: 20 },
    );

    const labels = { records: recordCount };
    const rows = summarise([
      { name: 'list: readdir + read 10 files (baseline)', samples: listBaseline, labels },
      {
        name: 'list({limit: 10}), new store per call',
        samples: listCold,
        baseline: 'list: readdir + read 10 files (baseline)',
        target: targets.list,
        labels,
      },
      {
        name: 'list({limit: 10}), long-lived store',
        samples: listWarm,
        baseline: 'list: readdir + read 10 files (baseline)',
        target: targets.list,
        labels,
      },
      { name: 'get: readFile + JSON.parse (baseline)', samples: getBaseline, labels },
      {
        name: 'get(id)',
        samples: get,
        baseline: 'get: readFile + JSON.parse (baseline)',
        target: targets.get,
        labels,
      },
      { name: 'save: bare writeFile (baseline)', samples: saveBaseline, labels },
      {
        name: 'save: write + fsync + rename by hand',
        samples: saveByHand,
        baseline: 'save: bare writeFile (baseline)',
        labels,
      },
      {
        name: 'save(record)',
        samples: save,
        baseline: 'save: bare writeFile (baseline)',
        target: targets.save,
        labels,
      },
    ]);
    printTable('History with 100,000 records (ms)', rows);
    console.log(`results: ${await writeResults('history', rows)}`);
    return rows;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
