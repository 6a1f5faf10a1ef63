import { bindRunner } from '@executer/core';
import { ContainerModule } from 'inversify';
import { DockerRunner } from './docker-runner.js';
import type { DockerRunnerOptions } from './docker-runner-options.js';
import { resolveDockerRunnerSettings } from './resolve-docker-runner-settings.js';

/**
 * Binds the "docker" runner (execution.mode "docker"). Settings come from config.json
 * `runners.docker`, overridden by these options; the runner is built, and its settings validated,
 * when it is first asked for. Nothing talks to the engine before the first run.
 */
export function createDockerRunnerModule(options: DockerRunnerOptions = {}): ContainerModule {
  return new ContainerModule((registration) => {
    bindRunner(registration, 'docker', (config) => {
      const { docker, hostEnvironment, ...settings } = options;
      return new DockerRunner(resolveDockerRunnerSettings(config, { ...settings, hostEnvironment }), {
        docker,
        hostEnvironment: hostEnvironment ?? config.env,
      });
    });
  });
}
