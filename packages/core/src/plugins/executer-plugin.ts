import type { ContainerModule } from 'inversify';

/**
 * A plugin: a named ContainerModule. First-party packages and third parties alike export one
 * (as the module's default export or as `plugin`), so a plugin listed by module specifier in
 * config.json is loaded with no change to core. Nothing binds on import: the module binds only
 * when the container loads it.
 */
export interface ExecuterPlugin {
  /** For messages, e.g. "@acme/executer-provider-foo". */
  name: string;
  /** Binds the plugin's implementations by name, with `bindNamed` or the `bind*` helpers. */
  module: ContainerModule;
}
