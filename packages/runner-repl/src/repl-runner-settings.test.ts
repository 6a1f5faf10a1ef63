import { ConfigError } from '@executer/core';
import { describe, expect, it } from 'vitest';
import { resolveReplRunnerSettings } from './repl-runner-settings.js';

describe('resolveReplRunnerSettings', () => {
  it('reads runners.exec and lets options win', () => {
    const config = { runners: { exec: { pool_size: 3, strategy: 'fork' } } };
    expect(resolveReplRunnerSettings(config)).toMatchObject({ poolSize: 3, strategy: 'fork' });
    expect(resolveReplRunnerSettings(config, { poolSize: 1, strategy: 'inline' })).toMatchObject({
      poolSize: 1,
      strategy: 'inline',
    });
  });

  it.each([
    [{ pool_size: 0 }, 'runners.exec.pool_size'],
    [{ pool_size: '2' }, 'runners.exec.pool_size'],
    [{ strategy: 'thread' }, 'runners.exec.strategy'],
    [{ poolsize: 2 }, 'runners.exec.poolsize'],
  ])('rejects %o naming %s', (section, path) => {
    const attempt = () =>
      resolveReplRunnerSettings({ configFile: '/app/config.json', runners: { exec: section } });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^/app/config.json: ${path.replace(/\./g, '\\.')}`));
  });
});
