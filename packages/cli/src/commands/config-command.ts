import { type ExecuterConfig, resolveConfig, settingSpecs } from '@executer/core';
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import {
  addExecutionOptions,
  addProviderOptions,
  addStorageOptions,
  type CommandOptions,
  toExecuterOptions,
} from '../command-options.js';
import { ExitCode } from '../exit-codes.js';
import { maskSecret } from '../mask-secret.js';

const secretKeys = new Set<keyof ExecuterConfig>(['apiKey', 'configApiKey']);
/** Internals that are not settings. */
const hiddenKeys = new Set<keyof ExecuterConfig>(['env', 'baseDir']);

interface ConfigEntry {
  key: string;
  /** Where it is set in config.json. */
  file: string | null;
  environment: string | null;
  value: unknown;
  source: string;
  detail: string;
}

export function createConfigCommand(context: CommandContext): Command {
  const command = new Command('config').description(
    'Show the effective configuration and where each value came from (option, environment, config file, default). API keys are masked.',
  );
  addProviderOptions(command);
  addExecutionOptions(command);
  addStorageOptions(command);
  return command
    .addHelpText(
      'after',
      `
Precedence: command-line options > EXECUTER_* environment > config.json > defaults.

Examples:
  $ executer config
  $ executer config --config ./server.config.json --json
  $ EXECUTER_MODE=exec executer config`,
    )
    .action(async (options: CommandOptions) => {
      await context.perform(options.json, async () => {
        const { config, origins } = await resolveConfig(toExecuterOptions(options, context.terminal.streams));
        const entries: ConfigEntry[] = [];
        for (const key of Object.keys(config) as (keyof ExecuterConfig)[]) {
          if (hiddenKeys.has(key)) continue;
          const spec = settingSpecs.find((candidate) => candidate.key === key);
          const origin = origins[key];
          const raw = config[key];
          entries.push({
            key,
            file: spec?.filePath ?? null,
            environment: spec?.env ?? null,
            value: secretKeys.has(key) ? (maskSecret(raw as string | undefined) ?? null) : (raw ?? null),
            source: origin?.source ?? (key === 'configFile' ? (raw ? 'located' : 'none') : 'default'),
            detail: origin?.detail ?? '',
          });
        }
        if (options.json) {
          context.printJson({ configFile: config.configFile ?? null, settings: entries });
          return ExitCode.SUCCESS;
        }
        const terminal = context.terminal;
        terminal.write(`${terminal.out('bold', 'Config file:')} ${config.configFile ?? '(none)'}\n\n`);
        const rows = entries
          .filter((entry) => entry.key !== 'configFile')
          .map((entry) => [
            entry.file ?? (entry.key === 'apiKey' ? '--api-key' : entry.key),
            display(entry.value),
            entry.source === 'default' ? 'default' : `${entry.source}: ${entry.detail}`,
          ]);
        const widths = [0, 1].map((column) =>
          Math.min(48, Math.max(...rows.map((row) => (row[column] as string).length))),
        );
        for (const [name, value, source] of rows) {
          const valueText = value as string;
          terminal.write(
            `${(name as string).padEnd(widths[0] as number)}  ${valueText.padEnd(widths[1] as number)}  ${terminal.out('dim', source as string)}\n`,
          );
        }
        return ExitCode.SUCCESS;
      });
    });
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
