import type Docker from 'dockerode';
import type { DockerRunnerSettings } from './docker-runner-settings.js';

/** Options of createDockerRunnerModule: any setting (wins over config.json), and a client. */
export interface DockerRunnerOptions extends Partial<DockerRunnerSettings> {
  /** A ready dockerode client (a custom transport, tests); wins over `host`. */
  docker?: Docker;
  /** Where DOCKER_HOST and EXECUTER_DOCKER_IMAGE are read from (default: the config's environment). */
  hostEnvironment?: Record<string, string | undefined>;
}
