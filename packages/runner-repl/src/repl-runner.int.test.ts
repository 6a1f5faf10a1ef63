import { describeRunnerConformance } from '@executer/test-kit/runners';
import { ReplRunner } from './repl-runner.js';
import { resolveReplRunnerSettings } from './repl-runner-settings.js';

describeRunnerConformance('exec, inline strategy (bubblewrap)', () => {
  const runner = new ReplRunner(
    resolveReplRunnerSettings(undefined, { strategy: 'inline', isolation: 'bubblewrap', poolSize: 2 }),
  );
  if (runner.capabilities.isolation !== 'namespace') throw new Error('bubblewrap was asked for but not used');
  return runner;
});

describeRunnerConformance(
  'exec, fork strategy (no isolation)',
  () =>
    new ReplRunner(
      resolveReplRunnerSettings(undefined, { strategy: 'fork', isolation: 'none', poolSize: 2 }),
    ),
);
