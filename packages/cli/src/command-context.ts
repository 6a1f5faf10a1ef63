import type { Executer, ExecutionResult } from '@executer/executer';
import { ExitCode } from './exit-codes.js';
import { reportError } from './report-error.js';
import type { Terminal } from './terminal.js';

/** What every command action gets: the terminal, and a place to leave its exit code. */
export class CommandContext {
  readonly terminal: Terminal;
  exitCode: number = ExitCode.SUCCESS;

  constructor(terminal: Terminal) {
    this.terminal = terminal;
  }

  /** Runs an action, turning a thrown error into its report and stable exit code. */
  async perform(json: boolean | undefined, action: () => Promise<number>): Promise<void> {
    try {
      this.exitCode = await action();
    } catch (error) {
      this.exitCode = reportError(error, this.terminal, Boolean(json));
    }
  }

  /** Writes one JSON document on stdout. */
  printJson(value: unknown): void {
    this.terminal.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}

/** Exit code of a finished run or exec. */
export function exitCodeOf(result: ExecutionResult): number {
  if (result.success) return ExitCode.SUCCESS;
  return result.attempts.at(-1)?.status === 'aborted' ? ExitCode.INTERRUPTED : ExitCode.EXECUTION_FAILED;
}

/** Uses an Executer and always disposes it (runner pools and containers must not outlive the command). */
export async function withExecuter<T>(
  executer: Executer,
  action: (executer: Executer) => Promise<T>,
): Promise<T> {
  try {
    return await action(executer);
  } finally {
    await executer.dispose();
  }
}
