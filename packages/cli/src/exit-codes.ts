/**
 * The exit codes of the `executer` command. They are a contract (scripts match on them), so a
 * number never changes meaning.
 */
export const ExitCode = {
  /** The code ran to the end without error. */
  SUCCESS: 0,
  /** The code failed after every attempt (exception, timeout, SAFE violation, no code). */
  EXECUTION_FAILED: 1,
  /** Bad command line: unknown option, missing argument, invalid number. */
  USAGE: 2,
  /** Invalid configuration, unknown plugin name, plugin that does not load, bad template. */
  CONFIG: 3,
  /** The model provider failed: missing or wrong key, rate limit, outage, bad answer. */
  PROVIDER: 4,
  /** The runner cannot run here (Python or Docker missing, SAFE unsupported by the runner). */
  RUNNER: 5,
  /** History cannot be read or written, or the asked-for execution does not exist. */
  HISTORY: 6,
  /** An input file cannot be read. */
  INPUT: 7,
  /** Anything unexpected: a bug. */
  INTERNAL: 70,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
