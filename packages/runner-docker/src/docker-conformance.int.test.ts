import { describeRunnerConformance } from '@executer/test-kit/runners';
import { describe, expect, it } from 'vitest';
import { DockerLabel, dockerRunnerLabelValue } from './docker-labels.js';
import { DockerRunner } from './docker-runner.js';
import { findDockerTestEngine } from './docker-test-engine.js';
import { resolveDockerRunnerSettings } from './resolve-docker-runner-settings.js';

const engine = await findDockerTestEngine();
const created: DockerRunner[] = [];

function createRunner(poolSize: number): DockerRunner {
  const runner = new DockerRunner(
    resolveDockerRunnerSettings(
      { memoryLimitMb: 512 },
      { image: engine.image, host: engine.address, poolSize, maxContainers: 4 },
    ),
    {
      docker: engine.docker,
    },
  );
  created.push(runner);
  return runner;
}

describe.skipIf(engine.skipReason !== undefined)('docker runner conformance', () => {
  // The container's processes are not the host's descendants; the suite finds them by command line instead.
  describeRunnerConformance('docker, warm pool', () => createRunner(2), {
    hostDescendants: false,
    timeoutMs: 30_000,
  });
  // Cold mode: a container of its own for every run (created, started, run, removed).
  describeRunnerConformance('docker, cold (pool_size 0)', () => createRunner(0), {
    hostDescendants: false,
    timeoutMs: 30_000,
  });

  it('leaves no container behind after the suites', async () => {
    expect(created.length).toBe(2);
    for (const runner of created) await runner.dispose();
    const mine = await engine.docker.listContainers({
      all: true,
      filters: { label: [`${DockerLabel.runner}=${dockerRunnerLabelValue}`] },
    });
    const owners = new Set(created.map((runner) => runner.owner));
    expect(mine.filter((container) => owners.has(container.Labels[DockerLabel.owner] ?? ''))).toEqual([]);
  });
});
