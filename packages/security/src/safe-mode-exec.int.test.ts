import type { RuntimeGuard } from '@executer/core';
import { ReplRunner, resolveReplRunnerSettings } from '@executer/runner-repl';
import { describeSafeModeSuite } from '@executer/test-kit/security';
import { describe } from 'vitest';
import { SafePolicy } from './safe-policy.js';
import { bubblewrapSkipReason } from './test-support/bubblewrap-skip-reason.js';

const guard = new SafePolicy().guard('python') as RuntimeGuard;

describeSafeModeSuite(
  'exec runner, fork strategy, no isolation (the guard alone)',
  ({ workingDirectory }) =>
    new ReplRunner(
      resolveReplRunnerSettings(undefined, {
        strategy: 'fork',
        isolation: 'none',
        poolSize: 2,
        workingDirectory,
      }),
    ),
  { guard, interpreterExits: false },
);

// Unguarded attacks run inside a shared inline worker can destroy it (os.execv replaces it), which
// fails the jobs queued behind them: the escape proof is made on the fork strategy above.
describeSafeModeSuite(
  'exec runner, inline strategy, no isolation (the guard alone)',
  ({ workingDirectory }) =>
    new ReplRunner(
      resolveReplRunnerSettings(undefined, {
        strategy: 'inline',
        isolation: 'none',
        poolSize: 2,
        workingDirectory,
      }),
    ),
  { guard, permissiveEscapes: false, interpreterExits: false },
);

describe.skipIf(bubblewrapSkipReason !== undefined)('under bubblewrap', () => {
  describeSafeModeSuite(
    'exec runner, inline strategy, bubblewrap',
    ({ workingDirectory }) =>
      new ReplRunner(
        resolveReplRunnerSettings(undefined, {
          strategy: 'inline',
          isolation: 'bubblewrap',
          poolSize: 2,
          workingDirectory,
        }),
      ),
    { guard, permissiveEscapes: false, interpreterExits: false },
  );
});
