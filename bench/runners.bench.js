// Per-run latency of the Python runners beside a baseline measured in the same run: Node's plain
// child_process.spawn('python3', ['-I', file]). Writes bench/results/runners.json.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePythonInterpreter, resolvePythonRuntimeSettings } from '@executer/python-runtime';
import { ReplRunner, resolveReplRunnerSettings } from '@executer/runner-repl';
import { SubprocessRunner } from '@executer/runner-subprocess';
import { printTable, sample, summarise, writeResults } from './lib/measure.js';

const cases = {
  'print(1)': 'print(1)\n',
  // About 50-100 ms of pure Python on an idle machine.
  'cpu-bound': 'total = 0\nfor index in range(600_000):\n    total += index * index % 7\nprint(total)\n',
};

function spawnBaseline(python, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-I', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`baseline exited ${code}`))));
  });
}

async function runOrThrow(runner, code) {
  const outcome = await runner.run({ code, language: 'python', timeoutMs: 30_000, guard: null });
  if (outcome.status !== 'success') throw new Error(`${runner.name}: ${outcome.status} ${outcome.stderr}`);
}

export async function bench({ quick = false } = {}) {
  const iterations = { 'print(1)': quick ? 30 : 200, 'cpu-bound': quick ? 10 : 60 };
  const folder = await mkdtemp(join(tmpdir(), 'executer-bench-'));
  // "python3" may be a launcher (a pyenv shim is a bash script); the runners spawn the interpreter it
  // resolves to, so the fair baseline spawns that too. The literal "python3" is shown beside it.
  const { path: pythonPath } = await resolvePythonInterpreter('python3', 'bench');
  const baselines = [
    ['baseline', pythonPath],
    ['baseline (literal python3)', 'python3'],
  ];
  const runners = [
    ['subprocess', new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation: 'none' }))],
    [
      'subprocess+bwrap',
      new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation: 'auto' })),
    ],
    [
      'exec (inline)',
      new ReplRunner(
        resolveReplRunnerSettings(undefined, { strategy: 'inline', isolation: 'none', poolSize: 1 }),
      ),
    ],
    [
      'exec (inline)+bwrap',
      new ReplRunner(
        resolveReplRunnerSettings(undefined, { strategy: 'inline', isolation: 'auto', poolSize: 1 }),
      ),
    ],
    [
      'exec (fork)',
      new ReplRunner(
        resolveReplRunnerSettings(undefined, { strategy: 'fork', isolation: 'none', poolSize: 1 }),
      ),
    ],
  ];
  const entries = [];
  try {
    for (const [caseName, code] of Object.entries(cases)) {
      const file = join(folder, `${caseName.replace(/\W+/g, '-')}.py`);
      await writeFile(file, code);
      const baseline = `baseline/${caseName}`;
      const names = [...baselines.map(([name]) => name), ...runners.map(([name]) => name)];
      // Interleave baselines and runners in rounds so that machine load hits them alike.
      const samples = new Map(names.map((name) => [`${name}/${caseName}`, []]));
      const rounds = 5;
      for (let round = 0; round < rounds; round++) {
        const options = { iterations: Math.ceil(iterations[caseName] / rounds), warmup: round === 0 ? 3 : 1 };
        for (const [name, python] of baselines)
          samples
            .get(`${name}/${caseName}`)
            .push(...(await sample(() => spawnBaseline(python, file), options)));
        for (const [name, runner] of runners)
          samples.get(`${name}/${caseName}`).push(...(await sample(() => runOrThrow(runner, code), options)));
      }
      for (const name of names) {
        const key = `${name}/${caseName}`;
        const label = name === 'baseline' ? `baseline (spawn ${pythonPath} -I)` : name;
        entries.push({
          name: key,
          case: caseName,
          labels: { runner: label },
          samples: samples.get(key),
          ...(key === baseline ? {} : { baseline }),
        });
      }
    }
  } finally {
    for (const [, runner] of runners) await runner.dispose();
    await rm(folder, { recursive: true, force: true });
  }
  const rows = summarise(entries).map(
    ({ runner, case: caseName, median_ms, p95_ms, runs, ratio_to_baseline }) => ({
      runner,
      case: caseName,
      median_ms,
      p95_ms,
      runs,
      ratio_to_baseline,
    }),
  );
  printTable('Python runners: per-run latency (ms)', rows);
  const subprocessPrint = rows.find((row) => row.runner === 'subprocess' && row.case === 'print(1)');
  const execPrint = rows.find((row) => row.runner === 'exec (inline)' && row.case === 'print(1)');
  console.log(
    `\nTargets: subprocess print(1) ratio ${subprocessPrint?.ratio_to_baseline} (<= 1.15); exec print(1) median ${execPrint?.median_ms} ms (<= 1) and ` +
      `${(subprocessPrint.median_ms / execPrint.median_ms).toFixed(1)}x faster than subprocess (>= 10); cpu-bound ratios: ` +
      rows
        .filter((row) => row.case === 'cpu-bound' && row.ratio_to_baseline !== null)
        .map((row) => `${row.runner} ${row.ratio_to_baseline}`)
        .join(', ') +
      ' (<= 1.05)',
  );
  const file = await writeResults('runners', rows);
  console.log(`Wrote ${file}`);
}
