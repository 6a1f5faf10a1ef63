import { Command } from 'commander';
import { type CommandContext, exitCodeOf, withExecuter } from '../command-context.js';
import {
  addExecutionOptions,
  addStorageOptions,
  type CommandOptions,
  readInputFile,
  toExecuterOptions,
} from '../command-options.js';
import { Interrupt } from '../interrupt.js';
import { LiveView } from '../live-view.js';
import { createExecuter } from '../load-executer.js';

const examples = `
Examples:
  $ executer exec script.py
  $ echo 'print(sum(range(10)))' | executer exec -
  $ executer exec script.py --security permissive --timeout 5 --json
  $ executer exec script.py --mode exec --no-save

Exit codes: 0 success, 1 the code failed (exception, timeout, SAFE violation), 3 configuration,
5 runner, 6 history, 7 unreadable file, 130 interrupted (Ctrl-C).`;

export function createExecCommand(context: CommandContext): Command {
  const command = new Command('exec')
    .description(
      'Run Python code directly (no model): check it against the security policy, run it, and save a record.',
    )
    .argument('<file>', 'a Python file, or "-" to read the code from stdin');
  addExecutionOptions(command);
  addStorageOptions(command);
  return command.addHelpText('after', examples).action(async (file: string, options: CommandOptions) => {
    await context.perform(options.json, async () => {
      const streams = context.terminal.streams;
      const code = await readInputFile(file, streams, 'exec');
      const executer = await createExecuter(toExecuterOptions(options, streams));
      return withExecuter(executer, async () => {
        using interrupt = new Interrupt();
        const view = options.json ? undefined : new LiveView(context.terminal, { showCode: false });
        const result = await executer.executeCode(code, {
          saveExecution: options.save !== false && executer.config.saveExecutions,
          signal: interrupt.signal,
          ...(view ? { onEvent: view.onEvent } : {}),
        });
        if (view) view.summary(result);
        else context.printJson(result);
        return exitCodeOf(result);
      });
    });
  });
}
