import { resolvePythonRuntimeSettings } from '@executer/python-runtime';
import { describeRunnerConformance } from '@executer/test-kit/runners';
import { SubprocessRunner } from './subprocess-runner.js';

describeRunnerConformance(
  'subprocess (no isolation)',
  () => new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation: 'none' })),
);

describeRunnerConformance('subprocess (bubblewrap)', () => {
  const runner = new SubprocessRunner(resolvePythonRuntimeSettings(undefined, { isolation: 'bubblewrap' }));
  if (runner.capabilities.isolation !== 'namespace') throw new Error('bubblewrap was asked for but not used');
  return runner;
});
