import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { resolveConfig } from './resolve-config.js';

async function folderWith(config: unknown): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'executer-config-'));
  await writeFile(join(folder, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return folder;
}

describe('resolveConfig', () => {
  it('uses the seed defaults when nothing is given', async () => {
    const { config, origins } = await resolveConfig({
      env: {},
      cwd: await mkdtemp(join(tmpdir(), 'empty-')),
    });
    expect(config).toMatchObject({
      provider: 'gemini',
      model: undefined,
      temperature: 0.2,
      mode: 'subprocess',
      security: 'safe',
      timeoutSeconds: 30,
      maxRetries: 2,
      saveExecutions: true,
      configFile: undefined,
    });
    expect(config.historyDir.endsWith('executions')).toBe(true);
    expect(origins.timeoutSeconds?.source).toBe('default');
  });

  it('reads the seed config.json execution block', async () => {
    const cwd = await folderWith({
      execution: { mode: 'exec', security: 'permissive', timeout: 5, max_retries: 0, save_executions: false },
    });
    const { config, origins } = await resolveConfig({ env: {}, cwd });
    expect(config).toMatchObject({
      mode: 'exec',
      security: 'permissive',
      timeoutSeconds: 5,
      maxRetries: 0,
      saveExecutions: false,
    });
    expect(origins.mode).toEqual({ source: 'file', detail: `${join(cwd, 'config.json')}: execution.mode` });
  });

  it('applies precedence: options > EXECUTER_* environment > config.json > defaults', async () => {
    const cwd = await folderWith({ execution: { timeout: 5, max_retries: 4, mode: 'exec' } });
    const { config, origins } = await resolveConfig({
      cwd,
      env: { EXECUTER_TIMEOUT: '7', EXECUTER_MAX_RETRIES: '1' },
      maxRetries: 3,
    });
    expect(config.maxRetries).toBe(3);
    expect(origins.maxRetries?.source).toBe('option');
    expect(config.timeoutSeconds).toBe(7);
    expect(origins.timeoutSeconds).toEqual({ source: 'environment', detail: 'EXECUTER_TIMEOUT' });
    expect(config.mode).toBe('exec');
    expect(config.provider).toBe('gemini');
  });

  it('resolves relative paths from the config file folder', async () => {
    const cwd = await folderWith({ execution: { history_dir: 'runs' } });
    const { config } = await resolveConfig({ env: {}, cwd });
    expect(config.historyDir).toBe(join(cwd, 'runs'));
  });

  it('keeps an explicit key apart from a config file key', async () => {
    const cwd = await folderWith({ ai: { api_key: 'from-file' } });
    const { config } = await resolveConfig({ env: {}, cwd, apiKey: 'explicit' });
    expect(config.apiKey).toBe('explicit');
    expect(config.configApiKey).toBe('from-file');
  });

  const badConfigs: Array<[string, unknown, Partial<ConfigError>, RegExp]> = [
    [
      'negative timeout',
      { execution: { timeout: -1 } },
      { path: 'execution.timeout', value: -1 },
      /seconds above 0/,
    ],
    [
      'timeout of the wrong type',
      { execution: { timeout: '30' } },
      { path: 'execution.timeout' },
      /must be a number/,
    ],
    [
      'unknown security mode',
      { execution: { security: 'paranoid' } },
      { path: 'execution.security' },
      /"safe" or "permissive"/,
    ],
    [
      'max_retries not whole',
      { execution: { max_retries: 1.5 } },
      { path: 'execution.max_retries' },
      /whole number/,
    ],
    [
      'save_executions not boolean',
      { execution: { save_executions: 'yes' } },
      { path: 'execution.save_executions' },
      /true or false/,
    ],
    ['temperature too high', { ai: { temperature: 3 } }, { path: 'ai.temperature' }, /0 to 2/],
    ['unknown key', { execution: { timout: 3 } }, { path: 'execution.timout' }, /allowed: .*timeout/],
    ['unknown block', { executon: {} }, { path: 'executon' }, /allowed: .*execution/],
    ['plugins not a list', { plugins: 'x' }, { path: 'plugins' }, /module specifiers/],
    ['not an object', [1, 2], { path: '(root)' }, /must be a JSON object/],
    ['malformed JSON', '{"execution": {"timeout": 3,}}', { path: '(file)' }, /not valid JSON/],
  ];

  it.each(badConfigs)(
    'rejects %s with the file, the path, the value and what is allowed',
    async (_label, content, fields, pattern) => {
      const cwd = await folderWith(content);
      const error = await resolveConfig({ env: {}, cwd }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', file: join(cwd, 'config.json'), ...fields });
      expect((error as Error).message).toMatch(pattern);
      expect((error as Error).message.startsWith(join(cwd, 'config.json'))).toBe(true);
    },
  );

  it('names the environment variable when an environment value is bad', async () => {
    const error = await resolveConfig({ env: { EXECUTER_TIMEOUT: 'soon' }, cwd: tmpdir() }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ path: 'EXECUTER_TIMEOUT', value: 'soon' });
  });

  it('names the option when an option is bad', async () => {
    const error = await resolveConfig({ env: {}, cwd: tmpdir(), timeout: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ path: 'options.timeout', value: 0 });
  });

  it('reports a config file that does not exist', async () => {
    const error = await resolveConfig({ env: {}, configFile: '/nonexistent/config.json' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/config file not found/);
  });
});
