import type { ContainerCreateOptions } from 'dockerode';
import { containerHarnessPath, runtimeDirectory } from './container-paths.js';
import type { DockerRunnerSettings } from './docker-runner-settings.js';

export interface ContainerSpecInput {
  settings: DockerRunnerSettings;
  labels: Record<string, string>;
  /** Environment of the code: the allowlisted host variables and the configured ones. */
  environment: Record<string, string>;
}

const mebibyte = 1024 * 1024;

/**
 * The container a harness runs in, hardened by default: no network, read-only root filesystem, a
 * size-limited /tmp, every capability dropped, no new privileges, a non-root user, pid, memory
 * (without swap) and CPU limits, and no host mount unless configured (read-only unless told).
 * The harness speaks its framed protocol over the attached stdin/stdout, so stdin stays open.
 */
export function buildContainerSpec({
  settings,
  labels,
  environment,
}: ContainerSpecInput): ContainerCreateOptions {
  const memoryBytes = settings.memoryMb * mebibyte;
  const securityOptions = settings.noNewPrivileges ? ['no-new-privileges'] : [];
  return {
    Image: settings.image,
    // -I: isolated (no user site, no PYTHON* variables), -u: unbuffered, -B: no bytecode writes.
    Cmd: [
      settings.python,
      '-I',
      '-u',
      '-B',
      containerHarnessPath,
      'serve',
      String(settings.runMemoryBytes),
      'fork',
    ],
    Entrypoint: [],
    User: settings.user,
    WorkingDir: settings.workingDirectory,
    Env: Object.entries(environment).map(([name, value]) => `${name}=${value}`),
    Labels: labels,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: false,
    Tty: false,
    NetworkDisabled: settings.network === 'none',
    HostConfig: {
      NetworkMode: settings.network,
      ...(settings.pidMode === 'host' ? { PidMode: 'host' } : {}),
      ReadonlyRootfs: settings.readOnlyRootFilesystem,
      Tmpfs: { '/tmp': `rw,nosuid,nodev,noexec,size=${settings.tmpfsMb}m` },
      CapDrop: ['ALL'],
      CapAdd: settings.capAdd,
      SecurityOpt: securityOptions,
      PidsLimit: settings.pidsLimit,
      Memory: memoryBytes,
      MemorySwap: memoryBytes,
      NanoCpus: Math.round(settings.cpus * 1e9),
      Init: settings.init,
      ...(settings.runtime ? { Runtime: settings.runtime } : {}),
      Mounts: [
        // The harness and guards are copied into this anonymous volume before start; it goes away with the container.
        { Type: 'volume', Source: '', Target: runtimeDirectory },
        ...settings.mounts.map((mount) => ({
          Type: 'bind' as const,
          Source: mount.source,
          Target: mount.target,
          ReadOnly: mount.readOnly,
        })),
      ],
      // Removal is ours (dispose, recycling); AutoRemove would race with reading the exit state.
      AutoRemove: false,
      RestartPolicy: { Name: '' },
    },
  };
}
