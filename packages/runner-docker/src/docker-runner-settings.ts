import type { DockerMount } from './docker-mount.js';

/** Everything the Docker runner is configured by (camelCase here, snake_case in config.json). */
export interface DockerRunnerSettings {
  /** Image with a Python >= 3.10 on PATH (official images work; so does the local offline one). */
  image: string;
  /** Pull the image when the engine lacks it ("missing"), or never (then a clear error). */
  pull: 'missing' | 'never';
  /** Engine address (unix://, tcp://, ssh://); undefined means DOCKER_HOST, else the default socket. */
  host: string | undefined;
  /** Interpreter inside the image. */
  python: string;
  /** Containers kept started ahead of need; 0 is the cold mode (create, start, run, remove). */
  poolSize: number;
  /** Containers alive at once; runs beyond it wait for one. */
  maxContainers: number;
  /** A container is replaced after this many runs. */
  maxRunsPerContainer: number;
  /** Container memory limit (swap is set equal: no swap). */
  memoryMb: number;
  /** CPU share of one container, in CPUs. */
  cpus: number;
  pidsLimit: number;
  /** Size of the writable /tmp (a tmpfs). */
  tmpfsMb: number;
  /** Docker network mode; "none" cuts every network. */
  network: string;
  /** Process namespace: "private" (default) or "host" (sees, and may signal, the host's processes). */
  pidMode: 'private' | 'host';
  readOnlyRootFilesystem: boolean;
  /** User the code runs as (name or uid:gid); never root by default. */
  user: string;
  /** Capabilities added back after dropping them all. */
  capAdd: string[];
  noNewPrivileges: boolean;
  /** Run a tiny init as pid 1 that reaps orphaned processes. */
  init: boolean;
  /** OCI runtime, e.g. "runsc" for gVisor; undefined is the engine's default. */
  runtime: string | undefined;
  /** Host folders mounted in; read-only unless a mount says otherwise. */
  mounts: DockerMount[];
  /** Working directory of the code inside the container; undefined is the image's. */
  workingDirectory: string | undefined;
  /** Extra environment variables for the code (besides the allowlisted host ones). */
  env: Record<string, string>;
  /** Bound on creating, starting and hearing from a container. */
  startTimeoutMs: number;
  /** Per-run memory limit inside the container (RLIMIT_AS), from execution.memory_limit_mb. */
  runMemoryBytes: number;
  /** Per-stream output cap, from execution.output_limit_bytes. */
  outputLimitBytes: number;
  /** Host variables passed in, from execution.env_allowlist. */
  envAllowlist: string[];
}
