import { ConfigError } from '@executer/core';
import { describe, expect, it } from 'vitest';
import { defaultDockerImage, resolveDockerRunnerSettings } from './resolve-docker-runner-settings.js';

const runnersConfig = (docker: Record<string, unknown>) => ({ runners: { docker }, env: {} });

describe('resolveDockerRunnerSettings', () => {
  it('defaults to a hardened, warm setup from the execution limits', () => {
    const settings = resolveDockerRunnerSettings({
      env: {},
      memoryLimitMb: 256,
      outputLimitBytes: 4096,
      envAllowlist: ['API_BASE'],
    });
    expect(settings).toMatchObject({
      image: defaultDockerImage,
      host: undefined,
      network: 'none',
      readOnlyRootFilesystem: true,
      user: '1000:1000',
      capAdd: [],
      noNewPrivileges: true,
      pidMode: 'private',
      mounts: [],
      poolSize: 2,
      memoryMb: 256 + 128,
      runMemoryBytes: 256 * 1024 * 1024,
      outputLimitBytes: 4096,
      envAllowlist: ['API_BASE'],
    });
  });

  it('reads config.json runners.docker (snake_case) and lets options win', () => {
    const settings = resolveDockerRunnerSettings(
      runnersConfig({
        image: 'python:3.11-slim',
        pool_size: 0,
        max_runs_per_container: 5,
        mounts: [{ source: '/data', target: '/data' }],
      }),
      { image: 'executer-python:local' },
    );
    expect(settings).toMatchObject({ image: 'executer-python:local', poolSize: 0, maxRunsPerContainer: 5 });
    expect(settings.mounts).toEqual([{ source: '/data', target: '/data', readOnly: true }]);
  });

  it('keeps a mount writable only when told', () => {
    const settings = resolveDockerRunnerSettings(
      runnersConfig({ mounts: [{ source: '/out', target: '/out', read_only: false }] }),
    );
    expect(settings.mounts[0]?.readOnly).toBe(false);
  });

  it('takes the engine from DOCKER_HOST and the image from EXECUTER_DOCKER_IMAGE over config.json', () => {
    const settings = resolveDockerRunnerSettings({
      runners: { docker: { image: 'from-file', host: 'unix:///file.sock' } },
      env: { DOCKER_HOST: 'tcp://10.0.0.5:2375', EXECUTER_DOCKER_IMAGE: 'from-env' },
    });
    expect(settings).toMatchObject({ host: 'tcp://10.0.0.5:2375', image: 'from-env' });
  });

  it.each([
    ['pool_size', -1],
    ['pool_size', 'two'],
    ['memory_mb', 8],
    ['cpus', 0],
    ['network', ''],
    ['read_only', 'yes'],
    ['host', 'docker.example:2375'],
    ['mounts', [{ source: 'relative', target: '/x' }]],
    ['env', { 'BAD-NAME': 'x' }],
    ['pid_mode', 'container'],
  ])('rejects runners.docker.%s = %j with a ConfigError naming the key', (key, value) => {
    const error = (() => {
      try {
        resolveDockerRunnerSettings(runnersConfig({ [key]: value }));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).path).toBe(`runners.docker.${key}`);
    expect((error as ConfigError).message).toContain(`runners.docker.${key}`);
  });

  it('rejects an unknown key, listing the known ones', () => {
    expect(() => resolveDockerRunnerSettings(runnersConfig({ poolsize: 2 }))).toThrow(
      /runners\.docker\.poolsize.*pool_size/,
    );
  });

  it('validates options too', () => {
    expect(() => resolveDockerRunnerSettings(undefined, { poolSize: -3 })).toThrow(ConfigError);
  });
});
