import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RuntimeGuard } from '@executer/core';
import { resolvePythonRuntimeSettings } from '@executer/python-runtime';
import { SubprocessRunner } from '@executer/runner-subprocess';
import { describeSafeModeSuite } from '@executer/test-kit/security';
import { describe, expect, it } from 'vitest';
import { SafePolicy } from './safe-policy.js';
import { bubblewrapSkipReason } from './test-support/bubblewrap-skip-reason.js';

const guard = new SafePolicy().guard('python') as RuntimeGuard;

describeSafeModeSuite(
  'subprocess runner, no isolation (the guard alone)',
  ({ workingDirectory }) =>
    new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation: 'none', workingDirectory })),
  { guard },
);

// bubblewrap is a second wall: unguarded attacks cannot escape it, so only containment and
// ordinary programs are checked there. CI installs bubblewrap; where it is missing this is not declared.
describe.skipIf(bubblewrapSkipReason !== undefined)('under bubblewrap', () => {
  describeSafeModeSuite(
    'subprocess runner, bubblewrap',
    ({ workingDirectory }) =>
      new SubprocessRunner(
        resolvePythonRuntimeSettings(undefined, { isolation: 'bubblewrap', workingDirectory }),
      ),
    { guard, permissiveEscapes: false },
  );
});

// No effect can be observed here without a memory-corruption exploit, so this one is judged by the
// refusal: the harness's guard loader, called again by the code, would compile a string under the
// harness's own (trusted) name, and trusted code may build code objects from raw fields.
describe('SAFE mode: the harness cannot be made to mint trusted code', () => {
  it('refuses a second call to the guard loader with a chosen name', async () => {
    const workingDirectory = await mkdtemp(join(tmpdir(), 'executer-safe-loader-'));
    const runner = new SubprocessRunner(
      resolvePythonRuntimeSettings(undefined, { isolation: 'none', workingDirectory }),
    );
    try {
      const outcome = await runner.run({
        code: [
          'import sys',
          'harness = sys.modules["__main__"]',
          'source = "print(\'built\', (lambda: 0).__code__.replace(co_consts=(1,)))\\ninstall = lambda settings: None"',
          'harness.load_guard({"source": source, "modulePath": harness.__file__})',
        ].join('\n'),
        language: 'python',
        timeoutMs: 20_000,
        guard,
      });
      expect(outcome.stdout).not.toContain('built');
      expect(outcome.status).toBe('refused');
      expect(outcome.violations.map((violation) => violation.rule)).toContain('dynamic-code');
    } finally {
      await runner.dispose();
      await rm(workingDirectory, { recursive: true, force: true });
    }
  });
});
