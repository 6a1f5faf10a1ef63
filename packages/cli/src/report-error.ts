import {
  ConfigError,
  ExecuterError,
  HistoryError,
  MissingApiKeyError,
  PluginLoadError,
  ProviderError,
  RunnerUnavailableError,
  SecurityModeUnsupportedError,
  TemplateError,
  UnknownPluginNameError,
} from '@executer/core';
import { ExecutionNotFoundError } from './execution-not-found-error.js';
import { ExitCode } from './exit-codes.js';
import { InputError } from './input-error.js';
import type { Terminal } from './terminal.js';

/** The stable exit code for an error. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof ProviderError && error.kind === 'aborted') return ExitCode.INTERRUPTED;
  if (error instanceof ConfigError || error instanceof UnknownPluginNameError) return ExitCode.CONFIG;
  if (error instanceof PluginLoadError || error instanceof TemplateError) return ExitCode.CONFIG;
  if (error instanceof ProviderError || error instanceof MissingApiKeyError) return ExitCode.PROVIDER;
  if (error instanceof RunnerUnavailableError || error instanceof SecurityModeUnsupportedError)
    return ExitCode.RUNNER;
  if (error instanceof HistoryError || error instanceof ExecutionNotFoundError) return ExitCode.HISTORY;
  if (error instanceof InputError) return ExitCode.INPUT;
  return ExitCode.INTERNAL;
}

/**
 * Reports an error on stderr as one line of cause and one line of hint. With --json, stdout also
 * gets one JSON document `{"error": {name, code, message, hint, exitCode}}` so a script reading
 * stdout always gets JSON.
 */
export function reportError(error: unknown, terminal: Terminal, json: boolean): ExitCode {
  const exitCode = exitCodeFor(error);
  const known = error instanceof ExecuterError;
  const message = oneLine(error instanceof Error ? error.message : String(error));
  const hint = known
    ? error.hint
    : 'This looks like a bug in executer; set EXECUTER_DEBUG=1 to print the stack trace, and report it.';
  terminal.status(`${terminal.err(['red', 'bold'], 'error:')} ${message}`);
  if (hint) terminal.status(`${terminal.err('yellow', 'hint:')} ${oneLine(hint)}`);
  if (terminal.streams.env.EXECUTER_DEBUG && error instanceof Error && error.stack)
    terminal.status(error.stack);
  if (json) {
    const document = known ? error.toJSON() : { name: 'Error', code: 'INTERNAL', message, hint };
    terminal.write(`${JSON.stringify({ error: { ...document, exitCode } }, null, 2)}\n`);
  }
  return exitCode;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
