import { describe, expect, it } from 'vitest';
import { resolveDockerEngineAddress } from './docker-engine-address.js';

describe('resolveDockerEngineAddress', () => {
  it('uses the default socket when nothing is set', () => {
    expect(resolveDockerEngineAddress(undefined, {})).toMatchObject({
      address: 'unix:///var/run/docker.sock',
      clientOptions: { socketPath: '/var/run/docker.sock', host: undefined },
    });
  });

  it('reads unix, tcp, https and ssh addresses', () => {
    expect(resolveDockerEngineAddress('unix:///tmp/d.sock', {}).clientOptions).toMatchObject({
      socketPath: '/tmp/d.sock',
      host: undefined,
    });
    expect(resolveDockerEngineAddress('tcp://10.0.0.5:2375', {}).clientOptions).toMatchObject({
      protocol: 'http',
      host: '10.0.0.5',
      port: '2375',
      socketPath: undefined,
    });
    expect(resolveDockerEngineAddress('tcp://10.0.0.5:2376', {}).clientOptions).toMatchObject({
      protocol: 'https',
      port: '2376',
    });
    expect(
      resolveDockerEngineAddress('ssh://builder@10.0.0.7', { SSH_AUTH_SOCK: '/agent' }).clientOptions,
    ).toMatchObject({
      protocol: 'ssh',
      host: '10.0.0.7',
      username: 'builder',
      sshOptions: { agent: '/agent' },
    });
  });

  it('follows DOCKER_TLS_VERIFY', () => {
    expect(
      resolveDockerEngineAddress('tcp://10.0.0.5:2375', { DOCKER_TLS_VERIFY: '1' }).clientOptions.protocol,
    ).toBe('https');
  });
});
