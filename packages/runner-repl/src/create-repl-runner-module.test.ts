import 'reflect-metadata';
import { ExecuterConfig, Runner } from '@executer/core';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createReplRunnerModule } from './create-repl-runner-module.js';
import { ReplRunner } from './repl-runner.js';

describe('createReplRunnerModule', () => {
  it('binds the "exec" runner lazily; nothing starts until the first run', async () => {
    const container = new Container();
    container.bind(ExecuterConfig).toConstantValue({
      python: 'python3',
      workingDirectory: '/srv',
      envAllowlist: [],
      isolation: 'none',
      memoryLimitMb: 64,
      outputLimitBytes: 4096,
      runners: { exec: { pool_size: 3 } },
    } as unknown as ExecuterConfig);
    container.load(createReplRunnerModule({ strategy: 'fork' }));
    const runner = container.get(Runner, { name: 'exec' }) as ReplRunner;
    expect(runner).toBeInstanceOf(ReplRunner);
    expect(runner.capabilities).toMatchObject({
      languages: ['python'],
      isolation: 'process',
      enforcesGuard: true,
    });
    expect(runner.settings).toMatchObject({ poolSize: 3, strategy: 'fork', memoryLimitMb: 64 });
    expect(runner.workers).toHaveLength(0);
  });
});
