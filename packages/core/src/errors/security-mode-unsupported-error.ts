import { ExecuterError } from './executer-error.js';

/** SAFE mode was asked of a runner that cannot enforce the runtime guard; nothing ran. */
export class SecurityModeUnsupportedError extends ExecuterError {
  override readonly name = 'SecurityModeUnsupportedError';
  readonly runner: string;

  constructor(runner: string, reason: string) {
    super('SECURITY_MODE_UNSUPPORTED', `Runner "${runner}" cannot enforce SAFE mode: ${reason}`, {
      hint: 'Choose a runner that enforces the guard (subprocess, exec, docker), or set security to "permissive" if you trust the code.',
    });
    this.runner = runner;
  }
}
