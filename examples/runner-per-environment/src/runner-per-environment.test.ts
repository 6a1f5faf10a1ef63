import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExecuter } from '@executer/executer';
import { describe, expect, it } from 'vitest';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// The same call, only the config file differs: the runner follows it.
describe('runner per environment', () => {
  it('the laptop config chooses the subprocess runner, and code runs through it', async () => {
    const executer = await createExecuter({ configFile: join(exampleDir, 'laptop.config.json'), env: {} });
    try {
      expect(executer.config.mode).toBe('subprocess');
      expect(executer.configOrigins.mode).toEqual({
        source: 'file',
        detail: `${join(exampleDir, 'laptop.config.json')}: execution.mode`,
      });
      expect(executer.config.historyDir).toBe(join(exampleDir, 'executions', 'laptop'));
      expect(executer.runner.name).toBe('subprocess');
      const result = await executer.executeCode('print(sum(range(1, 101)))\n');
      expect(result).toMatchObject({ success: true, output: '5050\n', executionMode: 'subprocess' });
    } finally {
      await executer.dispose();
    }
  });

  it('the server config chooses the Docker runner, with container isolation and its own limits', async () => {
    const executer = await createExecuter({ configFile: join(exampleDir, 'server.config.json'), env: {} });
    try {
      expect(executer.config.mode).toBe('docker');
      expect(executer.config.memoryLimitMb).toBe(256);
      expect(executer.config.timeoutSeconds).toBe(60);
      // Creating the runner does not contact the engine; it is only chosen here.
      expect(executer.runner.name).toBe('docker');
      expect(executer.runner.capabilities.isolation).toBe('container');
    } finally {
      await executer.dispose();
    }
  });

  it('an environment variable overrides the file, so one config can be bent without editing it', async () => {
    const executer = await createExecuter({
      configFile: join(exampleDir, 'server.config.json'),
      env: { EXECUTER_MODE: 'subprocess' },
    });
    try {
      expect(executer.runner.name).toBe('subprocess');
      expect(executer.configOrigins.mode?.source).toBe('environment');
    } finally {
      await executer.dispose();
    }
  });
});
