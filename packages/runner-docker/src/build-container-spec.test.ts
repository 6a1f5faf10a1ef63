import { describe, expect, it } from 'vitest';
import { buildContainerSpec } from './build-container-spec.js';
import { containerHarnessPath } from './container-paths.js';
import { resolveDockerRunnerSettings } from './resolve-docker-runner-settings.js';

const labels = { 'io.executer.runner': 'docker' };

describe('buildContainerSpec', () => {
  it('hardens by default: no network, read-only root, small /tmp, no capabilities, no new privileges, non-root, limits', () => {
    const settings = resolveDockerRunnerSettings(
      { env: {}, memoryLimitMb: 512 },
      { image: 'executer-python:local' },
    );
    const spec = buildContainerSpec({ settings, labels, environment: { TZ: 'UTC' } });
    expect(spec).toMatchObject({
      Image: 'executer-python:local',
      User: '1000:1000',
      Labels: labels,
      Env: ['TZ=UTC'],
      OpenStdin: true,
      StdinOnce: false,
      Tty: false,
      NetworkDisabled: true,
    });
    expect(spec.Cmd).toEqual([
      'python3',
      '-I',
      '-u',
      '-B',
      containerHarnessPath,
      'serve',
      String(512 * 1024 * 1024),
      'fork',
    ]);
    expect(spec.HostConfig).toMatchObject({
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Tmpfs: { '/tmp': 'rw,nosuid,nodev,noexec,size=64m' },
      CapDrop: ['ALL'],
      CapAdd: [],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 128,
      Memory: 640 * 1024 * 1024,
      MemorySwap: 640 * 1024 * 1024,
      NanoCpus: 1_000_000_000,
      Init: true,
    });
    expect(spec.HostConfig?.PidMode).toBeUndefined();
    // The only mount is the runtime volume (harness and guard); no host folder.
    expect(spec.HostConfig?.Mounts).toEqual([{ Type: 'volume', Source: '', Target: '/opt/executer' }]);
  });

  it('applies what is configured: mounts (read-only unless told), network, runtime, limits', () => {
    const settings = resolveDockerRunnerSettings({
      env: {},
      runners: {
        docker: {
          mounts: [
            { source: '/data', target: '/data' },
            { source: '/out', target: '/out', read_only: false },
          ],
          network: 'bridge',
          runtime: 'runsc',
          cpus: 0.5,
          pids_limit: 64,
          tmpfs_mb: 16,
          read_only: false,
          cap_add: ['NET_BIND_SERVICE'],
          no_new_privileges: false,
          working_dir: '/data',
        },
      },
    });
    const spec = buildContainerSpec({ settings, labels, environment: {} });
    expect(spec.NetworkDisabled).toBe(false);
    expect(spec.WorkingDir).toBe('/data');
    expect(spec.HostConfig).toMatchObject({
      NetworkMode: 'bridge',
      Runtime: 'runsc',
      NanoCpus: 500_000_000,
      PidsLimit: 64,
      ReadonlyRootfs: false,
      CapAdd: ['NET_BIND_SERVICE'],
      SecurityOpt: [],
      Tmpfs: { '/tmp': 'rw,nosuid,nodev,noexec,size=16m' },
    });
    expect(spec.HostConfig?.Mounts?.slice(1)).toEqual([
      { Type: 'bind', Source: '/data', Target: '/data', ReadOnly: true },
      { Type: 'bind', Source: '/out', Target: '/out', ReadOnly: false },
    ]);
  });
});
