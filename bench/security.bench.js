// SAFE mode costs, each beside its baseline measured in the same run on the same runner:
//  - guard overhead on a CPU-bound program (target <= 5 %): subprocess runner, guard vs no guard;
//  - print(1) latency with and without the guard (what one guarded run costs at start-up);
//  - the static check of a 1,000-line program (target <= 5 ms).
// Runs are interleaved (guarded, unguarded, guarded...) so that machine load hits both alike.
// Writes bench/results/security.json.
import { resolvePythonRuntimeSettings } from '@executer/python-runtime';
import { SubprocessRunner } from '@executer/runner-subprocess';
import { checkPython, SafePolicy } from '@executer/security';
import { median, printTable, sample, summarise, writeResults } from './lib/measure.js';

const cpuBound = `
def count_primes(limit):
    count = 0
    for n in range(2, limit):
        is_prime = True
        d = 2
        while d * d <= n:
            if n % d == 0:
                is_prime = False
                break
            d += 1
        count += is_prime
    return count
total = 0
for _ in range(3):
    total += count_primes(60000)
data = sorted({i * 7 % 1009: str(i) for i in range(200000)}.items())
print(total, len(data))
`;

async function runOrThrow(runner, code, guard) {
  const outcome = await runner.run({ code, language: 'python', timeoutMs: 120_000, guard });
  if (outcome.status !== 'success') throw new Error(`security bench: ${outcome.status} ${outcome.stderr}`);
  return outcome;
}

async function interleaved(runner, code, guard, iterations) {
  const guarded = [];
  const unguarded = [];
  for (let index = 0; index < iterations; index++) {
    for (const [target, job] of index % 2 === 0
      ? [
          [guarded, guard],
          [unguarded, null],
        ]
      : [
          [unguarded, null],
          [guarded, guard],
        ]) {
      const started = performance.now();
      await runOrThrow(runner, code, job);
      target.push(performance.now() - started);
    }
  }
  return { guarded, unguarded };
}

function thousandLines() {
  const block = `
import json, math
from pathlib import Path
from dataclasses import dataclass

@dataclass
class Item:
    name: str
    price: float

def load(path):
    with open(path, "r", encoding="utf-8") as handle:
        return [Item(**row) for row in json.load(handle)]

def summary(items):
    total = sum(item.price for item in items)
    return {"count": len(items), "total": round(total, 2), "root": math.sqrt(total)}

for entry in sorted(Path(".").glob("*.json")):
    print(entry.name, summary(load(entry)))
`;
  const lines = block.split('\n');
  return Array.from({ length: Math.ceil(1000 / lines.length) }, () => block)
    .join('\n')
    .split('\n')
    .slice(0, 1000)
    .join('\n');
}

export async function bench({ quick }) {
  const guard = new SafePolicy().guard('python');
  const runner = new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation: 'none' }));
  const cases = [];
  try {
    await runOrThrow(runner, 'print(1)', guard);
    const cpu = await interleaved(runner, cpuBound, guard, quick ? 3 : 9);
    cases.push({ name: 'cpu-bound, no guard', samples: cpu.unguarded });
    cases.push({
      name: 'cpu-bound, SAFE guard',
      samples: cpu.guarded,
      baseline: 'cpu-bound, no guard',
      target: '<= 1.05',
    });
    const latency = await interleaved(runner, 'print(1)', guard, quick ? 10 : 40);
    cases.push({ name: 'print(1), no guard', samples: latency.unguarded });
    cases.push({ name: 'print(1), SAFE guard', samples: latency.guarded, baseline: 'print(1), no guard' });
  } finally {
    await runner.dispose();
  }
  const program = thousandLines();
  const staticSamples = await sample(() => checkPython(program), {
    iterations: quick ? 50 : 300,
    warmup: 20,
  });
  cases.push({ name: 'static check, 1,000 lines', samples: staticSamples, target: '<= 5 ms' });
  const rows = summarise(cases);
  printTable(`SAFE mode (static check median ${median(staticSamples).toFixed(2)} ms)`, rows);
  await writeResults('security', rows);
  return rows;
}
