import { CommanderError } from 'commander';
import { createProgram } from './create-program.js';
import { ExitCode } from './exit-codes.js';
import { reportError } from './report-error.js';
import { type CliStreams, Terminal } from './terminal.js';

const defaultStreams = (): CliStreams => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: invocationDirectory(),
});

/**
 * `pnpm executer ...` runs the root script from the repository root whatever folder it was typed
 * in; pnpm passes that folder as INIT_CWD. Honoured only for the `executer` script itself, so a
 * process that merely inherited INIT_CWD keeps its own working directory.
 */
function invocationDirectory(): string {
  const { INIT_CWD: initialDirectory, npm_lifecycle_event: script } = process.env;
  return script === 'executer' && initialDirectory ? initialDirectory : process.cwd();
}

/** Runs the `executer` command with `argv` (without node and the script) and resolves with its exit code. */
export async function main(argv: readonly string[], streams: CliStreams = defaultStreams()): Promise<number> {
  const terminal = new Terminal(streams);
  const { program, context } = createProgram(terminal);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? ExitCode.SUCCESS : ExitCode.USAGE;
    }
    return reportError(error, terminal, argv.includes('--json'));
  }
  return context.exitCode;
}
