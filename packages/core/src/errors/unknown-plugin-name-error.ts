import { ExecuterError } from './executer-error.js';

/** A provider, runner or other plugin was asked for by a name nothing registered. */
export class UnknownPluginNameError extends ExecuterError {
  override readonly name = 'UnknownPluginNameError';
  readonly kind: string;
  readonly requested: string;
  readonly available: readonly string[];

  constructor(kind: string, requested: string, available: readonly string[], configPath: string) {
    super(
      'UNKNOWN_PLUGIN_NAME',
      `${configPath}: unknown ${kind} "${requested}"; available: ${available.length ? available.join(', ') : 'none'}`,
      {
        hint: `Pick one of the available names, or list the package that provides "${requested}" under "plugins" in config.json.`,
      },
    );
    this.kind = kind;
    this.requested = requested;
    this.available = available;
  }
}
