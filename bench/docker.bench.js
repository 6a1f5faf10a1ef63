// Docker runner latency beside baselines measured in the same run, on the same engine and image:
//  - cold (pool size 0: create, start, run, remove) beside a plain `docker run --rm --network none
//    <image> python3 -I -c <code>` done through dockerode (create, attach, start, wait, remove);
//  - warm pool beside a plain `docker exec <container> python3 -I -c <code>` through dockerode.
// Targets: cold <= 1.2 x the plain run; warm median <= 10 ms. Writes bench/results/docker.json.
// The engine is DOCKER_HOST (or the default socket); the image is EXECUTER_DOCKER_IMAGE, else the
// locally built executer-python:local. If no engine answers, it says why and writes nothing.
import { DockerRunner, resolveDockerRunnerSettings } from '@executer/runner-docker';
import { printTable, sample, summarise, writeResults } from './lib/measure.js';

const code = 'print(1)';
const image = process.env.EXECUTER_DOCKER_IMAGE || 'executer-python:local';

async function runOrThrow(runner) {
  const outcome = await runner.run({ code, language: 'python', timeoutMs: 30_000, guard: null });
  if (outcome.status !== 'success' || outcome.stdout !== '1\n')
    throw new Error(`docker runner: ${outcome.status} ${outcome.stderr}`);
}

/** `docker run --rm --network none <image> python3 -I -c <code>`, as the CLI does it. */
async function plainDockerRun(docker) {
  const container = await docker.createContainer({
    Image: image,
    Cmd: ['python3', '-I', '-c', code],
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    const stream = await container.attach({ stream: true, stdout: true, stderr: true });
    const ended = new Promise((resolve) => {
      stream.on('end', resolve);
      stream.resume();
    });
    await container.start();
    const [{ StatusCode }] = await Promise.all([container.wait(), ended]);
    if (StatusCode !== 0) throw new Error(`plain docker run exited ${StatusCode}`);
  } finally {
    await container.remove({ force: true });
  }
}

/** `docker exec <container> python3 -I -c <code>`, as the CLI does it. */
async function plainDockerExec(container) {
  const exec = await container.exec({
    Cmd: ['python3', '-I', '-c', code],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  await new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
    stream.resume();
  });
  const { ExitCode } = await exec.inspect();
  if (ExitCode !== 0) throw new Error(`plain docker exec exited ${ExitCode}`);
}

export async function bench({ quick = false } = {}) {
  const coldIterations = quick ? 5 : 20;
  const warmIterations = quick ? 30 : 200;
  const settings = (overrides) =>
    resolveDockerRunnerSettings(undefined, { image, pull: 'never', ...overrides });
  const cold = new DockerRunner(settings({ poolSize: 0 }));
  const warm = new DockerRunner(settings({ poolSize: 1, maxContainers: 1 }));
  const { docker } = cold;
  try {
    await docker.ping();
  } catch (error) {
    console.log(
      `\ndocker: skipped, no Docker engine answers at ${cold.engine.address} (${error.message}); start one with \`bash .ci/docker/start-engine.sh\` and export DOCKER_HOST`,
    );
    return;
  }
  let target;
  try {
    // Interleaved so that both sides see the same engine state (vfs copies, page cache).
    const coldSamples = [];
    const runSamples = [];
    await runOrThrow(cold);
    await cold.settled();
    await plainDockerRun(docker);
    for (let index = 0; index < coldIterations; index++) {
      let started = performance.now();
      await runOrThrow(cold);
      // The removal belongs to the cold run's cost, as it does to `docker run --rm`.
      await cold.settled();
      coldSamples.push(performance.now() - started);
      started = performance.now();
      await plainDockerRun(docker);
      runSamples.push(performance.now() - started);
    }

    await warm.warm();
    const warmSamples = await sample(() => runOrThrow(warm), { iterations: warmIterations, warmup: 10 });
    target = await docker.createContainer({
      Image: image,
      Cmd: ['sleep', '3600'],
      HostConfig: { NetworkMode: 'none' },
    });
    await target.start();
    const execSamples = await sample(() => plainDockerExec(target), {
      iterations: quick ? 20 : 60,
      warmup: 3,
    });

    const rows = summarise([
      {
        name: 'docker cold',
        labels: { runner: 'docker (pool 0)' },
        case: code,
        samples: coldSamples,
        baseline: 'plain docker run',
        target: 'ratio <= 1.2',
      },
      {
        name: 'plain docker run',
        labels: { runner: 'dockerode create+start+wait+rm' },
        case: code,
        samples: runSamples,
      },
      {
        name: 'docker warm',
        labels: { runner: 'docker (warm pool)' },
        case: code,
        samples: warmSamples,
        baseline: 'plain docker exec',
        target: 'median <= 10 ms',
      },
      { name: 'plain docker exec', labels: { runner: 'dockerode exec' }, case: code, samples: execSamples },
    ]);
    printTable(`Docker runner (${image} at ${cold.engine.address})`, rows);
    const file = await writeResults('docker', rows);
    console.log(`wrote ${file}`);
  } finally {
    await target?.remove({ force: true }).catch(() => undefined);
    await Promise.all([cold.dispose(), warm.dispose()]);
  }
}
