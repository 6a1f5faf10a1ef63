import 'reflect-metadata';
import { ExecuterConfig, Runner } from '@executer/core';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createSubprocessRunnerModule } from './create-subprocess-runner-module.js';
import { SubprocessRunner } from './subprocess-runner.js';

describe('createSubprocessRunnerModule', () => {
  it('binds the "subprocess" runner lazily, with ExecuterConfig settings overridden by options', async () => {
    const container = new Container();
    container.bind(ExecuterConfig).toConstantValue({
      python: 'python3',
      workingDirectory: '/srv',
      envAllowlist: ['A'],
      isolation: 'none',
      memoryLimitMb: 64,
      outputLimitBytes: 4096,
    } as ExecuterConfig);
    container.load(createSubprocessRunnerModule({ memoryLimitMb: 128 }));
    const runner = container.get(Runner, { name: 'subprocess' });
    expect(runner).toBeInstanceOf(SubprocessRunner);
    expect(runner.name).toBe('subprocess');
    expect(runner.capabilities).toMatchObject({
      languages: ['python'],
      isolation: 'process',
      enforcesGuard: true,
    });
    expect((runner as SubprocessRunner).settings).toMatchObject({
      workingDirectory: '/srv',
      envAllowlist: ['A'],
      memoryLimitMb: 128,
      outputLimitBytes: 4096,
    });
  });
});
