import { RunnerUnavailableError } from '@executer/core';

/** The step of bringing a container up that failed. */
export type ContainerStartStage = 'ping' | 'image' | 'create' | 'copy' | 'attach' | 'start' | 'ready';

export interface DockerFailureContext {
  /** The engine address tried. */
  address: string;
  image: string;
  /** What the harness printed on its own stderr, if anything. */
  diagnostics?: string;
}

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);

/** Whether an error means the engine could not be reached at all (rather than refused a request). */
export function isEngineUnreachable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return (
    (code !== undefined && connectionCodes.has(code)) ||
    /connect|socket hang up/i.test(String((error as Error)?.message))
  );
}

/** Whether the engine answered that the image is not there. */
export function isImageMissing(error: unknown): boolean {
  const status = (error as { statusCode?: number } | undefined)?.statusCode;
  return status === 404 && /image/i.test(String((error as Error)?.message ?? ''));
}

/** Turns a failure to bring a container up into a RunnerUnavailableError that says what to do. */
export function describeDockerFailure(
  stage: ContainerStartStage,
  error: unknown,
  context: DockerFailureContext,
): RunnerUnavailableError {
  if (isEngineUnreachable(error)) {
    return new RunnerUnavailableError(
      'docker',
      `no Docker engine answers at ${context.address} (${(error as Error).message})`,
      {
        cause: error,
        hint: 'Start an engine (for example `bash .ci/docker/start-engine.sh`) and point DOCKER_HOST at it, or set runners.docker.host.',
      },
    );
  }
  if (stage === 'image' || isImageMissing(error)) {
    return new RunnerUnavailableError(
      'docker',
      `the image ${context.image} is not on the engine at ${context.address}`,
      {
        cause: error,
        hint: `Run \`docker pull ${context.image}\` where the engine can reach a registry, or build the local offline image with \`bash .ci/docker/build-python-image.sh\` and set runners.docker.image (or EXECUTER_DOCKER_IMAGE) to executer-python:local.`,
      },
    );
  }
  const diagnostics = context.diagnostics ? `; the container said: ${context.diagnostics}` : '';
  const detail = error instanceof Error ? error.message : String(error);
  return new RunnerUnavailableError(
    'docker',
    `could not ${stage} a container from ${context.image} at ${context.address}: ${detail}${diagnostics}`,
    {
      cause: error,
      hint:
        stage === 'ready'
          ? `Check that the image has a Python >= 3.10 named by runners.docker.python on its PATH.`
          : 'Check the Docker runner settings (runners.docker) and the engine log.',
    },
  );
}
