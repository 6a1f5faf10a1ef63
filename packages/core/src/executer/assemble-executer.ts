import { Container } from 'inversify';
import { ExecuterConfig } from '../config/executer-config.js';
import type { ExecuterOptions } from '../config/executer-options.js';
import { resolveConfig } from '../config/resolve-config.js';
import type { ExecuterPlugin } from '../plugins/executer-plugin.js';
import { loadPluginModule } from '../plugins/load-plugin-module.js';
import { Executer } from './executer.js';

/**
 * The composition root: resolves the configuration, builds a container, loads the given plugins
 * (first-party ones from the caller, then plugin objects from options, then module specifiers
 * from config, so later ones may add names or override), and returns an Executer. Unknown names and
 * invalid values fail here, before anything runs.
 */
export async function assembleExecuter(
  options: ExecuterOptions = {},
  builtins: readonly ExecuterPlugin[] = [],
): Promise<Executer> {
  const { config, origins } = await resolveConfig(options);
  const container = new Container();
  container.bind(ExecuterConfig).toConstantValue(config);
  const fromOptions = (options.plugins ?? []).filter(
    (plugin): plugin is ExecuterPlugin => typeof plugin !== 'string',
  );
  const fromSpecifiers = await Promise.all(
    config.plugins.map((specifier) => loadPluginModule(specifier, config.baseDir)),
  );
  for (const plugin of [...builtins, ...fromOptions, ...fromSpecifiers]) {
    await container.loadAsync(plugin.module);
  }
  return new Executer(container, config, origins);
}
