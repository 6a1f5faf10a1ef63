import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DockerOptions } from 'dockerode';

/** The engine to talk to: the address in words (for errors) and the client options. */
export interface DockerEngineAddress {
  address: string;
  clientOptions: DockerOptions;
}

export const defaultDockerSocket = '/var/run/docker.sock';

/**
 * Turns an engine address (unix://, tcp://, http(s)://, ssh://) into dockerode options, so a remote
 * engine works exactly like the local one. TLS follows the docker CLI's DOCKER_TLS_VERIFY /
 * DOCKER_CERT_PATH conventions through docker-modem. Every field is set explicitly because
 * docker-modem merges its own reading of process.env.DOCKER_HOST under ours.
 */
export function resolveDockerEngineAddress(
  host: string | undefined,
  environment: Record<string, string | undefined> = process.env,
): DockerEngineAddress {
  const address = host ?? `unix://${defaultDockerSocket}`;
  const cleared: DockerOptions = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: undefined,
  };
  if (address.startsWith('unix://') || address.startsWith('npipe://')) {
    const socketPath = address.replace(/^[a-z]+:\/\//, '') || defaultDockerSocket;
    return { address, clientOptions: { ...cleared, socketPath } };
  }
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  if (url.protocol === 'ssh:') {
    return {
      address,
      clientOptions: {
        ...cleared,
        protocol: 'ssh',
        host: url.hostname,
        port: url.port || 22,
        username: url.username || undefined,
        sshOptions: { agent: environment.SSH_AUTH_SOCK },
      },
    };
  }
  const secure = url.protocol === 'https:' || url.port === '2376' || environment.DOCKER_TLS_VERIFY === '1';
  const clientOptions: DockerOptions = {
    ...cleared,
    protocol: secure ? 'https' : 'http',
    host: url.hostname,
    port: url.port || (secure ? 2376 : 2375),
  };
  const certificates = environment.DOCKER_CERT_PATH;
  if (secure && certificates) {
    clientOptions.ca = readFileSync(join(certificates, 'ca.pem'));
    clientOptions.cert = readFileSync(join(certificates, 'cert.pem'));
    clientOptions.key = readFileSync(join(certificates, 'key.pem'));
  }
  return { address, clientOptions };
}
