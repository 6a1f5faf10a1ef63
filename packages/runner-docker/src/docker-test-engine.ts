import Docker from 'dockerode';
import { resolveDockerEngineAddress } from './docker-engine-address.js';

/** The engine and image the integration tests use: DOCKER_HOST, and the locally built image. */
export interface DockerTestEngine {
  docker: Docker;
  address: string;
  image: string;
  /** Why the Docker tests skip; undefined when an engine answers. */
  skipReason: string | undefined;
}

/** Pings the engine once (bounded); the Docker tests skip with the printed reason only when none answers. */
export async function findDockerTestEngine(): Promise<DockerTestEngine> {
  const engine = resolveDockerEngineAddress(process.env.DOCKER_HOST || undefined);
  const docker = new Docker({ ...engine.clientOptions, timeout: 5_000 });
  const image = process.env.EXECUTER_DOCKER_IMAGE || 'executer-python:local';
  let skipReason: string | undefined;
  try {
    await docker.ping();
  } catch (error) {
    skipReason = `no Docker engine answers at ${engine.address} (${(error as Error).message}); start one with \`bash .ci/docker/start-engine.sh\` and export DOCKER_HOST`;
    console.warn(`[runner-docker] skipping the Docker tests: ${skipReason}`);
  }
  return { docker: new Docker(engine.clientOptions), address: engine.address, image, skipReason };
}
