import { describe, expect, it } from 'vitest';
import { resolveReplRunnerSettings } from './repl-runner-settings.js';

describe('resolveReplRunnerSettings', () => {
  it('reads runners.exec from the config, options win', () => {
    const config = {
      runners: { exec: { pool_size: 3, strategy: 'fork' } },
      memoryLimitMb: 256,
      isolation: 'none' as const,
    };
    expect(resolveReplRunnerSettings(config)).toMatchObject({
      poolSize: 3,
      strategy: 'fork',
      memoryLimitMb: 256,
      isolation: 'none',
    });
    expect(resolveReplRunnerSettings(config, { poolSize: 1, strategy: 'inline' })).toMatchObject({
      poolSize: 1,
      strategy: 'inline',
    });
  });

  it('defaults to one worker per core and the inline strategy', () => {
    const settings = resolveReplRunnerSettings(undefined);
    expect(settings.poolSize).toBeGreaterThanOrEqual(1);
    expect(settings.strategy).toBe('inline');
    expect(settings.memoryLimitMb).toBe(512);
    expect(settings.outputLimitBytes).toBe(1_048_576);
  });
});
