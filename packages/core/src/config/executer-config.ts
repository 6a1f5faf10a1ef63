import type { ServiceIdentifier } from 'inversify';
import type { Language } from '../domain/language.js';
import type { SecurityMode } from '../domain/security-mode.js';

/** The effective configuration, after precedence and validation. Bound in the container. */
export interface ExecuterConfig {
  provider: string;
  /** Undefined means the provider's default model. */
  model: string | undefined;
  /** A key given explicitly (constructor option or --api-key); wins over the environment. */
  apiKey: string | undefined;
  /** A key from config.json; used only when neither option nor environment has one. */
  configApiKey: string | undefined;
  temperature: number;
  baseUrl: string | undefined;
  maxOutputTokens: number | undefined;
  requestRetries: number;
  mode: string;
  security: SecurityMode;
  timeoutSeconds: number;
  maxRetries: number;
  saveExecutions: boolean;
  /** Absolute. */
  historyDir: string;
  /** Absolute, when set. */
  templatesDir: string | undefined;
  language: Language;
  python: string;
  /** Absolute. */
  workingDirectory: string;
  envAllowlist: string[];
  isolation: 'auto' | 'bubblewrap' | 'none';
  memoryLimitMb: number;
  outputLimitBytes: number;
  plugins: string[];
  runners: Record<string, Record<string, unknown>>;
  providers: Record<string, Record<string, unknown>>;
  /** The config file that was read, if any. */
  configFile: string | undefined;
  /** Base folder for relative plugin specifiers: the config file's folder, else cwd. */
  baseDir: string;
  /** The environment the configuration was read from (for API keys). */
  env: Record<string, string | undefined>;
}

export const ExecuterConfig: ServiceIdentifier<ExecuterConfig> = Symbol.for('@executer/core/ExecuterConfig');

export type ConfigSource = 'option' | 'environment' | 'file' | 'default';

/** Where one effective value came from, for `executer config`. */
export interface ConfigValueOrigin {
  source: ConfigSource;
  /** The option name, variable name or file path + key. */
  detail: string;
}
