/** Labels every container of this runner carries, so none can leak unnoticed. */
export const DockerLabel = {
  /** Marks the runner's containers: `docker ps --filter label=io.executer.runner=docker`. */
  runner: 'io.executer.runner',
  /** The runner instance that owns the container (host name, pid and a random part). */
  owner: 'io.executer.owner',
  /** The owning host process, to find containers of a host process that crashed. */
  ownerHost: 'io.executer.owner-host',
  ownerPid: 'io.executer.owner-pid',
} as const;

export const dockerRunnerLabelValue = 'docker';
