import { z } from 'zod';
import { securityModes } from '../domain/security-mode.js';
import type { ExecuterConfig } from './executer-config.js';
import type { ExecuterOptions } from './executer-options.js';

/**
 * One configurable value: where it lives in config.json, its EXECUTER_* variable, its constructor
 * option, what it accepts, and its default. Precedence and error messages are derived from this.
 */
export interface SettingSpec {
  key: keyof ExecuterConfig;
  /** Dotted path in config.json. */
  filePath: string;
  env?: string;
  option?: keyof ExecuterOptions;
  schema: z.ZodType;
  /** What is allowed, in words, for error messages. */
  allowed: string;
  /** How an environment string becomes a value before validation. */
  fromEnvironment?: (raw: string) => unknown;
  default: unknown;
}

const toNumber = (raw: string): unknown =>
  raw.trim() === '' || Number.isNaN(Number(raw)) ? raw : Number(raw);
const toBoolean = (raw: string): unknown => {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  return raw;
};
const toList = (raw: string): unknown =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const name = z.string().trim().min(1);
const positiveInteger = z.number().int().positive();

export const settingSpecs: readonly SettingSpec[] = [
  {
    key: 'provider',
    filePath: 'ai.provider',
    env: 'EXECUTER_PROVIDER',
    option: 'provider',
    schema: name,
    allowed: 'a provider name such as gemini, openai, openrouter, openai-compatible, groq',
    default: 'gemini',
  },
  {
    key: 'model',
    filePath: 'ai.model',
    env: 'EXECUTER_MODEL',
    option: 'modelName',
    schema: name.optional(),
    allowed: "a model name the provider knows (default: the provider's default model)",
    default: undefined,
  },
  {
    key: 'temperature',
    filePath: 'ai.temperature',
    env: 'EXECUTER_TEMPERATURE',
    option: 'temperature',
    schema: z.number().min(0).max(2),
    allowed: 'a number from 0 to 2',
    fromEnvironment: toNumber,
    default: 0.2,
  },
  {
    key: 'baseUrl',
    filePath: 'ai.base_url',
    env: 'EXECUTER_BASE_URL',
    option: 'baseUrl',
    schema: z.url().optional(),
    allowed: 'an http(s) URL such as http://127.0.0.1:11434/v1',
    default: undefined,
  },
  {
    key: 'maxOutputTokens',
    filePath: 'ai.max_output_tokens',
    env: 'EXECUTER_MAX_OUTPUT_TOKENS',
    option: 'maxOutputTokens',
    schema: positiveInteger.optional(),
    allowed: 'a whole number above 0',
    fromEnvironment: toNumber,
    default: undefined,
  },
  {
    key: 'requestRetries',
    filePath: 'ai.request_retries',
    env: 'EXECUTER_REQUEST_RETRIES',
    option: 'requestRetries',
    schema: z.number().int().min(0).max(10),
    allowed: 'a whole number from 0 to 10',
    fromEnvironment: toNumber,
    default: 3,
  },
  {
    key: 'configApiKey',
    filePath: 'ai.api_key',
    schema: name.optional(),
    allowed: 'a non-empty string (better: the provider environment variable)',
    default: undefined,
  },
  {
    key: 'mode',
    filePath: 'execution.mode',
    env: 'EXECUTER_MODE',
    option: 'executionMode',
    schema: name,
    allowed: 'a runner name such as subprocess, exec, docker',
    default: 'subprocess',
  },
  {
    key: 'security',
    filePath: 'execution.security',
    env: 'EXECUTER_SECURITY',
    option: 'securityMode',
    schema: z.enum(securityModes as [string, ...string[]]),
    allowed: securityModes.map((mode) => `"${mode}"`).join(' or '),
    fromEnvironment: (raw) => raw.trim().toLowerCase(),
    default: 'safe',
  },
  {
    key: 'timeoutSeconds',
    filePath: 'execution.timeout',
    env: 'EXECUTER_TIMEOUT',
    option: 'timeout',
    schema: z.number().positive().max(86_400),
    allowed: 'a number of seconds above 0 (at most 86400)',
    fromEnvironment: toNumber,
    default: 30,
  },
  {
    key: 'maxRetries',
    filePath: 'execution.max_retries',
    env: 'EXECUTER_MAX_RETRIES',
    option: 'maxRetries',
    schema: z.number().int().min(0).max(20),
    allowed: 'a whole number from 0 to 20',
    fromEnvironment: toNumber,
    default: 2,
  },
  {
    key: 'saveExecutions',
    filePath: 'execution.save_executions',
    env: 'EXECUTER_SAVE_EXECUTIONS',
    option: 'saveExecutions',
    schema: z.boolean(),
    allowed: 'true or false',
    fromEnvironment: toBoolean,
    default: true,
  },
  {
    key: 'historyDir',
    filePath: 'execution.history_dir',
    env: 'EXECUTER_HISTORY_DIR',
    option: 'historyDir',
    schema: name,
    allowed: 'a folder path',
    default: 'executions',
  },
  {
    key: 'language',
    filePath: 'execution.language',
    env: 'EXECUTER_LANGUAGE',
    option: 'language',
    schema: name,
    allowed: 'a language a runner declares, such as python',
    default: 'python',
  },
  {
    key: 'python',
    filePath: 'execution.python',
    env: 'EXECUTER_PYTHON',
    option: 'python',
    schema: name,
    allowed: 'a Python 3.10+ executable name or path, e.g. python3 or .venv/bin/python',
    default: 'python3',
  },
  {
    key: 'workingDirectory',
    filePath: 'execution.working_directory',
    env: 'EXECUTER_WORKING_DIRECTORY',
    option: 'workingDirectory',
    schema: name,
    allowed: 'a folder path',
    default: '.',
  },
  {
    key: 'envAllowlist',
    filePath: 'execution.env_allowlist',
    env: 'EXECUTER_ENV_ALLOWLIST',
    option: 'envAllowlist',
    schema: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)),
    allowed: 'a list of environment variable names',
    fromEnvironment: toList,
    default: [],
  },
  {
    key: 'isolation',
    filePath: 'execution.isolation',
    env: 'EXECUTER_ISOLATION',
    option: 'isolation',
    schema: z.enum(['auto', 'bubblewrap', 'none']),
    allowed: '"auto", "bubblewrap" or "none"',
    default: 'auto',
  },
  {
    key: 'memoryLimitMb',
    filePath: 'execution.memory_limit_mb',
    env: 'EXECUTER_MEMORY_LIMIT_MB',
    option: 'memoryLimitMb',
    schema: z.number().int().min(16),
    allowed: 'a whole number of MiB, at least 16',
    fromEnvironment: toNumber,
    default: 512,
  },
  {
    key: 'outputLimitBytes',
    filePath: 'execution.output_limit_bytes',
    env: 'EXECUTER_OUTPUT_LIMIT_BYTES',
    option: 'outputLimitBytes',
    schema: z.number().int().min(1024),
    allowed: 'a whole number of bytes, at least 1024',
    fromEnvironment: toNumber,
    default: 1_048_576,
  },
  {
    key: 'templatesDir',
    filePath: 'templates_dir',
    env: 'EXECUTER_TEMPLATES_DIR',
    option: 'templatesDir',
    schema: name.optional(),
    allowed: 'a folder holding code_executer.liquid',
    default: undefined,
  },
  {
    key: 'plugins',
    filePath: 'plugins',
    env: 'EXECUTER_PLUGINS',
    schema: z.array(name),
    allowed: 'a list of module specifiers, e.g. ["@acme/executer-provider-foo", "./plugins/my-runner.js"]',
    fromEnvironment: toList,
    default: [],
  },
  {
    key: 'runners',
    filePath: 'runners',
    option: 'runners',
    schema: z.record(z.string(), z.record(z.string(), z.unknown())),
    allowed: 'an object of runner name to settings object',
    default: {},
  },
  {
    key: 'providers',
    filePath: 'providers',
    option: 'providers',
    schema: z.record(z.string(), z.record(z.string(), z.unknown())),
    allowed: 'an object of provider name to settings object',
    default: {},
  },
];

/** The blocks config.json may have, and the keys each may hold. */
export function knownFileKeys(): Map<string, Set<string>> {
  const blocks = new Map<string, Set<string>>([['', new Set(['$schema'])]]);
  for (const spec of settingSpecs) {
    const parts = spec.filePath.split('.');
    const block = parts.length > 1 ? (parts[0] as string) : '';
    const key = parts.at(-1) as string;
    if (block) blocks.get('')?.add(block);
    if (!blocks.has(block)) blocks.set(block, new Set());
    blocks.get(block)?.add(key);
  }
  return blocks;
}
