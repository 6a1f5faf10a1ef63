import { hostname } from 'node:os';
import type Docker from 'dockerode';
import { DockerLabel, dockerRunnerLabelValue } from './docker-labels.js';

/** Whether a process of this host is alive (EPERM means it is, owned by someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes this runner's containers left by a host process that died without disposing (a crash, a
 * kill -9). Only containers whose owner ran on this host are judged: on a shared remote engine,
 * another machine's live containers are not ours to remove. Returns how many were removed.
 */
export async function removeStaleContainers(
  docker: Docker,
  alive: (pid: number) => boolean = isProcessAlive,
): Promise<number> {
  const containers = await docker.listContainers({
    all: true,
    filters: {
      label: [`${DockerLabel.runner}=${dockerRunnerLabelValue}`, `${DockerLabel.ownerHost}=${hostname()}`],
    },
  });
  const stale = containers.filter((container) => {
    const pid = Number(container.Labels[DockerLabel.ownerPid]);
    return Number.isInteger(pid) && pid > 0 && !alive(pid);
  });
  await Promise.all(
    stale.map((container) =>
      docker
        .getContainer(container.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
  return stale.length;
}
