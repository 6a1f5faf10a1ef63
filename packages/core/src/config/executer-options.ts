import type { ExecutionMode } from '../domain/execution-mode.js';
import type { Language } from '../domain/language.js';
import type { SecurityMode } from '../domain/security-mode.js';
import type { ExecuterPlugin } from '../plugins/executer-plugin.js';

/**
 * What a caller passes to `createExecuter`. Every field is optional; precedence is
 * these options > EXECUTER_* environment > config.json > defaults.
 */
export interface ExecuterOptions {
  /** Path to config.json. Default: $EXECUTER_CONFIG, else ./config.json when it exists. */
  configFile?: string;
  /** Provider name: gemini (default), openai, openrouter, openai-compatible, groq, or a plugin's. */
  provider?: string;
  /** Model name. Default: the provider's default (gemini-3-flash-preview for gemini). */
  modelName?: string;
  /** API key. Default: the provider's environment variable, then config.json. */
  apiKey?: string;
  /** Sampling temperature, 0 to 2. Default 0.2. */
  temperature?: number;
  /** Provider endpoint (OpenAI-compatible servers, proxies). */
  baseUrl?: string;
  maxOutputTokens?: number;
  /** Runner name: subprocess (default), exec, docker, or a plugin's. */
  executionMode?: ExecutionMode;
  /** safe (default) or permissive. */
  securityMode?: SecurityMode;
  /** Per-attempt wall-clock limit in seconds. Default 30. */
  timeout?: number;
  /** Retries after a failed attempt. Default 2. */
  maxRetries?: number;
  /** Save each run to history. Default true. */
  saveExecutions?: boolean;
  /** History folder. Default ./executions. */
  historyDir?: string;
  /** Folder of the user's own prompt templates. */
  templatesDir?: string;
  language?: Language;
  /** Python interpreter for the local runners. Default python3. */
  python?: string;
  /** Working directory of the code. Default the current directory. */
  workingDirectory?: string;
  /** Extra environment variable names handed to the code (beyond PATH, LANG, HOME, TZ). */
  envAllowlist?: string[];
  /** Namespace isolation for local runners: auto (default), bubblewrap, none. */
  isolation?: 'auto' | 'bubblewrap' | 'none';
  memoryLimitMb?: number;
  outputLimitBytes?: number;
  /** Provider retries for rate limits and outages. Default 3. */
  requestRetries?: number;
  /** Plugins: module specifiers, or plugin objects. */
  plugins?: (string | ExecuterPlugin)[];
  /** Per-runner settings, by runner name. */
  runners?: Record<string, Record<string, unknown>>;
  /** Per-provider settings, by provider name. */
  providers?: Record<string, Record<string, unknown>>;
  /** The environment to read EXECUTER_* and API keys from. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Base for relative paths. Default process.cwd(). */
  cwd?: string;
}
