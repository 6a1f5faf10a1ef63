import { ExecuterError, type ExecuterErrorOptions } from './executer-error.js';

/** A plugin named by module specifier could not be imported or does not export a plugin. */
export class PluginLoadError extends ExecuterError {
  override readonly name = 'PluginLoadError';
  readonly specifier: string;

  constructor(specifier: string, reason: string, options: ExecuterErrorOptions = {}) {
    super('PLUGIN_LOAD_FAILED', `plugins: cannot load "${specifier}": ${reason}`, {
      hint:
        options.hint ??
        'Install the package (or fix the relative path, which is resolved from the config file folder) and make it export an ExecuterPlugin.',
      cause: options.cause,
    });
    this.specifier = specifier;
  }
}
