import { Command, Option } from 'commander';
import { type CommandContext, withExecuter } from '../command-context.js';
import {
  addStorageOptions,
  type CommandOptions,
  parseWholeNumber,
  toExecuterOptions,
} from '../command-options.js';
import { ExecutionNotFoundError } from '../execution-not-found-error.js';
import { ExitCode } from '../exit-codes.js';
import { formatRecord, formatRecordLine } from '../format-record.js';
import { createExecuter } from '../load-executer.js';

interface HistoryOptions extends CommandOptions {
  limit?: number;
  successOnly?: boolean;
  keepRecent?: number;
}

export function createHistoryCommand(context: CommandContext): Command {
  const history = new Command('history')
    .description('List, show and clear saved executions (no API key needed).')
    .addHelpText(
      'after',
      `
Examples:
  $ executer history list --limit 5
  $ executer history show 20260203_190708_059131
  $ executer history clear --keep-recent 10`,
    );

  const list = addStorageOptions(
    new Command('list')
      .description('List saved executions, newest first.')
      .addOption(new Option('--limit <count>', 'at most this many').argParser(parseWholeNumber))
      .addOption(new Option('--success-only', 'only successful executions')),
  ).addHelpText(
    'after',
    '\nExamples:\n  $ executer history list\n  $ executer history list --limit 10 --success-only --json',
  );
  list.action(async (options: HistoryOptions) => {
    await context.perform(options.json, async () => {
      const executer = await createExecuter(toExecuterOptions(options, context.terminal.streams));
      return withExecuter(executer, async () => {
        const records = await executer.listExecutions({
          ...(options.limit === undefined ? {} : { limit: options.limit }),
          ...(options.successOnly ? { successOnly: true } : {}),
        });
        if (options.json) {
          context.printJson(records);
        } else if (records.length === 0) {
          context.terminal.status(`No executions in ${executer.config.historyDir}`);
        } else {
          for (const record of records)
            context.terminal.write(`${formatRecordLine(record, context.terminal)}\n`);
        }
        return ExitCode.SUCCESS;
      });
    });
  });

  const show = addStorageOptions(
    new Command('show')
      .description('Show one saved execution: instruction, code, output, error, attempts.')
      .argument('<id>', 'the execution id'),
  ).addHelpText(
    'after',
    '\nExamples:\n  $ executer history show 20260203_190708_059131\n  $ executer history show 20260203_190708_059131 --json',
  );
  show.action(async (executionId: string, options: HistoryOptions) => {
    await context.perform(options.json, async () => {
      const executer = await createExecuter(toExecuterOptions(options, context.terminal.streams));
      return withExecuter(executer, async () => {
        const record = await executer.getExecution(executionId);
        if (!record) throw new ExecutionNotFoundError(executionId, executer.config.historyDir);
        if (options.json) context.printJson(record);
        else context.terminal.write(formatRecord(record, context.terminal));
        return ExitCode.SUCCESS;
      });
    });
  });

  const clear = addStorageOptions(
    new Command('clear')
      .description('Delete saved executions (all of them, or all but the newest N).')
      .addOption(
        new Option('--keep-recent <count>', 'keep the newest N executions').argParser(parseWholeNumber),
      ),
  ).addHelpText(
    'after',
    '\nExamples:\n  $ executer history clear\n  $ executer history clear --keep-recent 10 --json',
  );
  clear.action(async (options: HistoryOptions) => {
    await context.perform(options.json, async () => {
      const executer = await createExecuter(toExecuterOptions(options, context.terminal.streams));
      return withExecuter(executer, async () => {
        const removed = await executer.clearExecutions(
          options.keepRecent === undefined ? {} : { keepRecent: options.keepRecent },
        );
        if (options.json) context.printJson({ removed });
        else
          context.terminal.write(
            `Removed ${removed} execution${removed === 1 ? '' : 's'} from ${executer.config.historyDir}\n`,
          );
        return ExitCode.SUCCESS;
      });
    });
  });

  return history.addCommand(list).addCommand(show).addCommand(clear);
}
