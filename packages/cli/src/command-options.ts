import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExecuterOptions } from '@executer/executer';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from './input-error.js';
import type { CliStreams } from './terminal.js';

/** Every option a command may have; each command declares the ones it takes. */
export interface CommandOptions {
  provider?: string;
  model?: string;
  baseUrl?: string;
  apiKey?: string;
  temperature?: number;
  mode?: string;
  security?: string;
  timeout?: number;
  maxRetries?: number;
  /** false with --no-save. */
  save?: boolean;
  context?: string;
  contextFile?: string;
  historyDir?: string;
  config?: string;
  json?: boolean;
}

function number(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed))
    throw new InvalidArgumentError(`"${value}" is not a number.`);
  return parsed;
}

function wholeNumber(value: string): number {
  const parsed = number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  return parsed;
}

export const parseWholeNumber = wholeNumber;

export function addProviderOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--provider <name>',
        'model provider: gemini, openai, openrouter, openai-compatible, groq, or a plugin name',
      ),
    )
    .addOption(new Option('--model <name>', "model name (default: the provider's default model)"))
    .addOption(
      new Option(
        '--base-url <url>',
        'provider endpoint, e.g. http://127.0.0.1:11434/v1 for an OpenAI-compatible server',
      ),
    )
    .addOption(
      new Option(
        '--api-key <key>',
        "API key (default: the provider's environment variable, e.g. GEMINI_API_KEY)",
      ),
    )
    .addOption(new Option('--temperature <number>', 'sampling temperature, 0 to 2').argParser(number));
}

export function addExecutionOptions(command: Command): Command {
  return command
    .addOption(new Option('--mode <runner>', 'runner: subprocess, exec, docker, or a plugin name'))
    .addOption(new Option('--security <mode>', 'security mode').choices(['safe', 'permissive']))
    .addOption(
      new Option('--timeout <seconds>', 'wall-clock limit per attempt, in seconds').argParser(number),
    )
    .addOption(new Option('--no-save', 'do not write this execution to history'));
}

export function addStorageOptions(command: Command): Command {
  return command
    .addOption(new Option('--history-dir <dir>', 'history folder (default: ./executions)'))
    .addOption(
      new Option(
        '--config <file>',
        'config file (default: $EXECUTER_CONFIG, else ./config.json when present)',
      ),
    )
    .addOption(new Option('--json', 'print exactly one JSON document on stdout and nothing else'));
}

/** Maps command-line options to createExecuter options (options win over environment and file). */
export function toExecuterOptions(options: CommandOptions, streams: CliStreams): ExecuterOptions {
  const executerOptions: ExecuterOptions = { env: streams.env, cwd: streams.cwd };
  if (options.config !== undefined) executerOptions.configFile = options.config;
  if (options.provider !== undefined) executerOptions.provider = options.provider;
  if (options.model !== undefined) executerOptions.modelName = options.model;
  if (options.baseUrl !== undefined) executerOptions.baseUrl = options.baseUrl;
  if (options.apiKey !== undefined) executerOptions.apiKey = options.apiKey;
  if (options.temperature !== undefined) executerOptions.temperature = options.temperature;
  if (options.mode !== undefined) executerOptions.executionMode = options.mode;
  if (options.security !== undefined)
    executerOptions.securityMode = options.security as ExecuterOptions['securityMode'];
  if (options.timeout !== undefined) executerOptions.timeout = options.timeout;
  if (options.maxRetries !== undefined) executerOptions.maxRetries = options.maxRetries;
  if (options.save === false) executerOptions.saveExecutions = false;
  if (options.historyDir !== undefined) executerOptions.historyDir = options.historyDir;
  return executerOptions;
}

/** --context and the contents of --context-file, joined. */
export async function readContext(options: CommandOptions, streams: CliStreams): Promise<string | undefined> {
  const parts: string[] = [];
  if (options.context) parts.push(options.context);
  if (options.contextFile) parts.push(await readInputFile(options.contextFile, streams, '--context-file'));
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/** Reads a file named on the command line, or stdin for "-". */
export async function readInputFile(file: string, streams: CliStreams, what: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of streams.stdin)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  }
  const path = resolve(streams.cwd, file);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`, {
      hint: `Check the path given to ${what}.`,
      cause: error,
    });
  }
}
