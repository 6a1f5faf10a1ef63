// A host process that warms an exec pool, prints the workers' pids, and dies without dispose().
// It uses the build (dist/), because plain Node cannot load the TypeScript sources' .js imports.
import { ReplRunner, resolveReplRunnerSettings } from '../../dist/index.js';

const strategy = process.argv[2] === 'fork' ? 'fork' : 'inline';
const runner = new ReplRunner(
  resolveReplRunnerSettings(undefined, { strategy, isolation: 'none', poolSize: 2 }),
);
await runner.run({ code: 'print(1)', language: 'python', timeoutMs: 10_000, guard: null });
console.log(JSON.stringify(runner.workers.map((worker) => worker.pid)));
process.kill(process.pid, 'SIGKILL');
