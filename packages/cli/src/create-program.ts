import { Command } from 'commander';
import { CommandContext } from './command-context.js';
import { createConfigCommand } from './commands/config-command.js';
import { createExecCommand } from './commands/exec-command.js';
import { createHistoryCommand } from './commands/history-command.js';
import { createRunCommand } from './commands/run-command.js';
import type { Terminal } from './terminal.js';

export const cliVersion = '0.1.0';

/** The `executer` command and its subcommands. Errors surface as CommanderError (exitOverride). */
export function createProgram(terminal: Terminal): { program: Command; context: CommandContext } {
  const context = new CommandContext(terminal);
  const program = new Command('executer')
    .description(
      'Turn a plain-language instruction into Python code with a model, check it against a security policy, run it, and keep a history.',
    )
    .version(cliVersion)
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (text) => terminal.write(text),
      writeErr: (text) => terminal.streams.stderr.write(text),
      outputError: (text, write) => write(terminal.err('red', text)),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ executer run "Calculate the factorial of 10 and print it"
  $ executer run "Print 2**100" --provider openai-compatible --base-url http://127.0.0.1:11434/v1
  $ executer exec script.py
  $ executer history list --limit 5
  $ executer config

API keys come from the provider's variable: GEMINI_API_KEY, OPENAI_API_KEY, OPENROUTER_API_KEY,
GROQ_API_KEY (or --api-key). exec, history and config need no key.`,
    );
  program.addCommand(createRunCommand(context));
  program.addCommand(createExecCommand(context));
  program.addCommand(createHistoryCommand(context));
  program.addCommand(createConfigCommand(context));
  // Every subcommand reports usage errors the same way and lets main() choose the exit code.
  const configure = (command: Command): void => {
    command
      .exitOverride()
      .showHelpAfterError('(add --help for usage)')
      .configureOutput(program.configureOutput());
    for (const child of command.commands) configure(child);
  };
  configure(program);
  return { program, context };
}
