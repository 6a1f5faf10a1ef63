// Framework overhead per `run`: an instant provider and an instant runner (core's test doubles)
// and in-memory history, against a baseline that calls the same two doubles directly in a loop in
// the same process. The difference is what Executer adds around them: prompt building, code
// extraction, the static check, events, result assembly and the history save.
// Target: overhead ≤ 3 ms median. Packages are imported from their builds (`pnpm build` first).

import { tmpdir } from 'node:os';
import { assembleExecuter, extractCode } from '@executer/core';
import {
  createTestPlugin,
  InMemoryHistoryStore,
  KeywordPolicyDouble,
  PromptBuilderDouble,
  RunnerDouble,
  ScriptedProvider,
} from '@executer/core/test';
import { firstPartyPlugins } from '@executer/executer';
import { median, printTable, round, sample, summarise, writeResults } from './lib/measure.js';

const answer = '```python\nimport math\nprint(math.factorial(10))\n```';
const targetMs = 3;

/** Instant doubles, with answers enough for every measured and warm-up call. */
function doubles(count) {
  return {
    provider: new ScriptedProvider(
      Array.from({ length: count }, () => answer),
      'instant',
    ),
    runner: new RunnerDouble(() => ({ stdout: '3628800\n' }), { name: 'instant' }),
    history: new InMemoryHistoryStore(),
  };
}

async function executerWith(parts, builtins) {
  return assembleExecuter(
    { provider: 'instant', executionMode: 'instant', env: {}, cwd: tmpdir(), saveExecutions: true },
    builtins(parts),
  );
}

/** Every port a double: the framework alone. */
const allDoubles = (parts) => [
  createTestPlugin({
    providers: [parts.provider],
    runners: [parts.runner],
    policies: [new KeywordPolicyDouble('safe', ['subprocess']), new KeywordPolicyDouble('permissive')],
    promptBuilder: new PromptBuilderDouble(),
    history: parts.history,
  }),
];

/**
 * The real Liquid prompt builder and, when registered, the real SAFE policy (static check), with
 * the same instant provider, runner and in-memory history: what a user's run costs around the
 * model and the process.
 */
const realPromptAndPolicy = (parts) => {
  const real = firstPartyPlugins().filter((plugin) =>
    ['@executer/prompt-liquid', '@executer/security'].includes(plugin.name),
  );
  const hasPolicy = real.some((plugin) => plugin.name === '@executer/security');
  return [
    ...real,
    createTestPlugin({
      providers: [parts.provider],
      runners: [parts.runner],
      policies: hasPolicy
        ? []
        : [new KeywordPolicyDouble('safe', ['subprocess']), new KeywordPolicyDouble('permissive')],
      history: parts.history,
    }),
  ];
};

export async function bench({ quick = false } = {}) {
  const iterations = quick ? 200 : 2_000;
  const warmup = quick ? 20 : 200;
  const count = iterations + warmup;

  // Baseline: the provider and the runner called directly, as a hand-written loop would.
  const direct = doubles(count);
  const baseline = await sample(
    async () => {
      const response = await direct.provider.generate({
        system: 'Write Python.',
        user: 'factorial of 10',
        model: 'instant',
        temperature: 0.2,
      });
      const code = extractCode(response.text, 'python');
      await direct.runner.run({ code, language: 'python', timeoutMs: 30_000, guard: null });
    },
    { iterations, warmup },
  );

  const saving = doubles(count);
  const saved = await executerWith(saving, allDoubles);
  const runSaved = await sample(() => saved.run('Calculate the factorial of 10'), { iterations, warmup });
  if (saving.history.records.length !== count)
    throw new Error(`expected ${count} saved records, got ${saving.history.records.length}`);

  const notSaving = doubles(count);
  const unsaved = await executerWith(notSaving, allDoubles);
  const runUnsaved = await sample(
    () => unsaved.run('Calculate the factorial of 10', { saveExecution: false }),
    { iterations, warmup },
  );

  const realParts = doubles(count);
  const real = await executerWith(realParts, realPromptAndPolicy);
  const policyLabel = firstPartyPlugins().some((plugin) => plugin.name === '@executer/security')
    ? 'real SAFE policy'
    : 'policy double';
  const runReal = await sample(() => real.run('Calculate the factorial of 10'), { iterations, warmup });

  const rows = summarise([
    { name: 'baseline', case: 'baseline: provider + runner doubles called directly', samples: baseline },
    {
      name: 'run',
      case: 'executer.run, in-memory history save',
      samples: runSaved,
      baseline: 'baseline',
      target: `overhead ≤ ${targetMs} ms`,
    },
    { name: 'run-no-save', case: 'executer.run, no save', samples: runUnsaved, baseline: 'baseline' },
    {
      name: 'run-real',
      case: `executer.run, real Liquid prompts, ${policyLabel}, in-memory save`,
      samples: runReal,
      baseline: 'baseline',
    },
  ]);
  const overheadMs = median(runSaved) - median(baseline);
  rows.push({
    case: 'framework overhead per run (run − baseline medians)',
    median_ms: round(overheadMs),
    p95_ms: null,
    runs: iterations,
    baseline: 'baseline',
    ratio_to_baseline: null,
    target: `≤ ${targetMs} ms`,
    met: overheadMs <= targetMs,
  });
  printTable('Run overhead (instant provider and runner doubles, in-memory history)', rows);
  const file = await writeResults('run-overhead', rows);
  console.log(`\nWrote ${file}`);
  await saved.dispose();
  await unsaved.dispose();
  await real.dispose();
  return rows;
}
