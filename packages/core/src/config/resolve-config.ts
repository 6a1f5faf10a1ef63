import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { type SettingSpec, settingSpecs } from './config-settings.js';
import type { ConfigValueOrigin, ExecuterConfig } from './executer-config.js';
import type { ExecuterOptions } from './executer-options.js';
import { readConfigFile, valueAt } from './read-config-file.js';

export interface ResolvedConfiguration {
  config: ExecuterConfig;
  /** Where each effective value came from, by ExecuterConfig key. */
  origins: Partial<Record<keyof ExecuterConfig, ConfigValueOrigin>>;
}

const pathKeys = new Set<keyof ExecuterConfig>(['historyDir', 'workingDirectory', 'templatesDir']);

/**
 * Applies precedence (options > EXECUTER_* environment > config.json > defaults), validates every
 * layer that is present, and resolves relative paths (against the config file's folder for values
 * from the file, against cwd otherwise). Throws ConfigError naming the file, path, value and what
 * is allowed.
 */
export async function resolveConfig(options: ExecuterOptions = {}): Promise<ResolvedConfiguration> {
  const env = options.env ?? process.env;
  const cwd = resolve(options.cwd ?? process.cwd());
  const configFile = locateConfigFile(options, env, cwd);
  const file = configFile ? await readConfigFile(configFile) : {};
  const fileDir = configFile ? dirname(configFile) : cwd;

  const values: Record<string, unknown> = {};
  const origins: ResolvedConfiguration['origins'] = {};

  for (const spec of settingSpecs) {
    const fromFile = valueAt(file, spec.filePath);
    const fromEnvironment = spec.env ? nonEmpty(env[spec.env]) : undefined;
    const fromOption = spec.option ? options[spec.option] : undefined;

    // Every layer that is present must be valid, even when a higher one overrides it.
    if (fromFile !== undefined) validate(spec, fromFile, { file: configFile, path: spec.filePath });
    const environmentValue =
      fromEnvironment === undefined
        ? undefined
        : (spec.fromEnvironment ?? ((raw: string) => raw))(fromEnvironment);
    if (environmentValue !== undefined) validate(spec, environmentValue, { path: spec.env as string });
    if (fromOption !== undefined && spec.key !== 'plugins')
      validate(spec, fromOption, { path: `options.${spec.option}` });

    let chosen: unknown;
    let origin: ConfigValueOrigin;
    if (fromOption !== undefined) {
      chosen = fromOption;
      origin = { source: 'option', detail: spec.option as string };
    } else if (environmentValue !== undefined) {
      chosen = environmentValue;
      origin = { source: 'environment', detail: spec.env as string };
    } else if (fromFile !== undefined) {
      chosen = fromFile;
      origin = { source: 'file', detail: `${configFile}: ${spec.filePath}` };
    } else {
      chosen = spec.default;
      origin = { source: 'default', detail: 'built-in default' };
    }
    const parsed = spec.schema.parse(chosen);
    if (pathKeys.has(spec.key) && typeof parsed === 'string') {
      values[spec.key] = resolve(origin.source === 'file' ? fileDir : cwd, parsed);
    } else {
      values[spec.key] = parsed;
    }
    origins[spec.key] = origin;
  }

  // Plugins add up across layers rather than replace each other.
  values.plugins = [
    ...new Set([
      ...((valueAt(file, 'plugins') as string[] | undefined) ?? []),
      ...((values.plugins as string[] | undefined) ?? []),
      ...(options.plugins ?? []).filter((plugin): plugin is string => typeof plugin === 'string'),
    ]),
  ];

  const config = {
    ...(values as Omit<ExecuterConfig, 'apiKey' | 'configFile' | 'baseDir' | 'env'>),
    apiKey: nonEmpty(options.apiKey),
    configFile,
    baseDir: fileDir,
    env,
  } as ExecuterConfig;
  if (config.apiKey) origins.apiKey = { source: 'option', detail: 'apiKey' };
  return { config, origins };
}

function locateConfigFile(
  options: ExecuterOptions,
  env: Record<string, string | undefined>,
  cwd: string,
): string | undefined {
  if (options.configFile) return resolve(cwd, options.configFile);
  const fromEnvironment = nonEmpty(env.EXECUTER_CONFIG);
  if (fromEnvironment) return resolve(cwd, fromEnvironment);
  const candidate = resolve(cwd, 'config.json');
  return existsSync(candidate) ? candidate : undefined;
}

function validate(
  spec: SettingSpec,
  value: unknown,
  where: { file?: string | undefined; path: string },
): void {
  const result = spec.schema.safeParse(value);
  if (result.success) return;
  const issue = result.error.issues[0];
  const problem = issue?.code === 'invalid_type' ? `must be ${describeExpected(spec)}` : 'is not allowed';
  throw new ConfigError(problem, {
    ...(where.file ? { file: where.file } : {}),
    path: where.path,
    value,
    allowed: spec.allowed,
  });
}

function describeExpected(spec: SettingSpec): string {
  const type = typeof spec.default;
  if (type === 'number') return 'a number';
  if (type === 'boolean') return 'true or false';
  if (Array.isArray(spec.default)) return 'a list';
  if (type === 'object') return 'an object';
  return 'a string';
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
