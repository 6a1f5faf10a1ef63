import type { RuntimeGuard } from '@executer/core';
import { probeBubblewrap, resolvePythonRuntimeSettings } from '@executer/python-runtime';
import { SubprocessRunner } from '@executer/runner-subprocess';
import { describeSafeModeSuite } from '@executer/test-kit/security';
import { SafePolicy } from './safe-policy.js';

const guard = new SafePolicy().guard('python') as RuntimeGuard;

describeSafeModeSuite(
  'subprocess runner, no isolation (the guard alone)',
  ({ workingDirectory }) =>
    new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation: 'none', workingDirectory })),
  { guard },
);

// bubblewrap is a second wall: unguarded attacks cannot escape it, so only containment and
// ordinary programs are checked there. CI installs bubblewrap; where it is missing this is not declared.
if (probeBubblewrap().kind === 'bubblewrap') {
  describeSafeModeSuite(
    'subprocess runner, bubblewrap',
    ({ workingDirectory }) =>
      new SubprocessRunner(
        resolvePythonRuntimeSettings(undefined, { isolation: 'bubblewrap', workingDirectory }),
      ),
    { guard, permissiveEscapes: false },
  );
}
