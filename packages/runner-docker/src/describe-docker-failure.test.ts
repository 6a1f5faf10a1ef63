import { RunnerUnavailableError } from '@executer/core';
import { describe, expect, it } from 'vitest';
import { describeDockerFailure } from './describe-docker-failure.js';

const context = { address: 'unix:///nowhere.sock', image: 'python:3.12-slim' };

describe('describeDockerFailure', () => {
  it('names the address tried when the engine cannot be reached', () => {
    const error = describeDockerFailure(
      'ping',
      Object.assign(new Error('connect ENOENT /nowhere.sock'), { code: 'ENOENT' }),
      context,
    );
    expect(error).toBeInstanceOf(RunnerUnavailableError);
    expect(error.message).toContain('no Docker engine answers at unix:///nowhere.sock');
    expect(error.hint).toContain('DOCKER_HOST');
  });

  it('says how to get a missing image', () => {
    const error = describeDockerFailure(
      'create',
      Object.assign(new Error('(HTTP code 404) no such image'), { statusCode: 404 }),
      context,
    );
    expect(error.message).toContain('the image python:3.12-slim is not on the engine');
    expect(error.hint).toContain('docker pull python:3.12-slim');
    expect(error.hint).toContain('.ci/docker/build-python-image.sh');
  });

  it('keeps what the container said when the harness does not start', () => {
    const error = describeDockerFailure('ready', new Error('no answer'), {
      ...context,
      diagnostics: 'python3: not found',
    });
    expect(error.message).toContain('python3: not found');
    expect(error.hint).toContain('runners.docker.python');
  });
});
