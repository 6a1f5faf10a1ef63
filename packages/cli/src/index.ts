export { CommandContext } from './command-context.js';
export { cliVersion, createProgram } from './create-program.js';
export { ExecutionNotFoundError } from './execution-not-found-error.js';
export { ExitCode } from './exit-codes.js';
export { InputError } from './input-error.js';
export { main } from './main.js';
export { exitCodeFor } from './report-error.js';
export { type CliStreams, Terminal } from './terminal.js';
