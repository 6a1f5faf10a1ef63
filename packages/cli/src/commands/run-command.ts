import { Command, Option } from 'commander';
import { type CommandContext, exitCodeOf, withExecuter } from '../command-context.js';
import {
  addExecutionOptions,
  addProviderOptions,
  addStorageOptions,
  type CommandOptions,
  parseWholeNumber,
  readContext,
  toExecuterOptions,
} from '../command-options.js';
import { Interrupt } from '../interrupt.js';
import { LiveView } from '../live-view.js';
import { createExecuter } from '../load-executer.js';

const examples = `
Examples:
  $ executer run "Calculate the factorial of 10 and print it"
  $ GEMINI_API_KEY=... executer run "Print the first 20 primes" --provider gemini
  $ executer run "Sum the numbers in the context" --context "3 5 8" --json
  $ executer run "Count the lines of the file in the context" --context-file notes.txt
  $ executer run "Print 2**100" --provider openai-compatible --base-url http://127.0.0.1:11434/v1 --model qwen2.5-coder

Exit codes: 0 success, 1 the code failed after every retry, 2 usage, 3 configuration,
4 provider, 5 runner, 6 history, 7 unreadable input, 130 interrupted (Ctrl-C).`;

export function createRunCommand(context: CommandContext): Command {
  const command = new Command('run')
    .description(
      'Generate Python code for an instruction with a model, check it, run it, and retry with the error fed back.',
    )
    .argument('<instruction>', 'what the code should do, in plain words');
  addProviderOptions(command);
  addExecutionOptions(command);
  command
    .addOption(
      new Option('--max-retries <count>', 'retries after a failed attempt').argParser(parseWholeNumber),
    )
    .addOption(new Option('--context <text>', 'extra material for the model (data, constraints)'))
    .addOption(
      new Option('--context-file <path>', 'a file whose contents are added to the context ("-" for stdin)'),
    );
  addStorageOptions(command);
  return command
    .addHelpText('after', examples)
    .action(async (instruction: string, options: CommandOptions) => {
      await context.perform(options.json, async () => {
        const streams = context.terminal.streams;
        const instructionContext = await readContext(options, streams);
        const executer = await createExecuter(toExecuterOptions(options, streams));
        return withExecuter(executer, async () => {
          using interrupt = new Interrupt();
          const view = options.json ? undefined : new LiveView(context.terminal);
          try {
            const result = await executer.run(instruction, {
              ...(instructionContext === undefined ? {} : { context: instructionContext }),
              signal: interrupt.signal,
              ...(view ? { onEvent: view.onEvent } : {}),
            });
            if (view) view.summary(result);
            else context.printJson(result);
            return exitCodeOf(result);
          } finally {
            view?.stop();
          }
        });
      });
    });
}
