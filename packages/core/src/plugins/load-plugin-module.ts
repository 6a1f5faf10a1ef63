import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContainerModule } from 'inversify';
import { PluginLoadError } from '../errors/plugin-load-error.js';
import type { ExecuterPlugin } from './executer-plugin.js';

/**
 * Imports a plugin by module specifier. Relative specifiers ("./my-plugin.js") are resolved from
 * `baseDir` (the config file's folder); bare ones ("@acme/executer-foo") as packages from there.
 * The module's default export, or its `plugin` export, must be an ExecuterPlugin, a
 * ContainerModule, or a function returning one of them.
 */
export async function loadPluginModule(specifier: string, baseDir: string): Promise<ExecuterPlugin> {
  let url: string;
  try {
    if (specifier.startsWith('.') || isAbsolute(specifier)) {
      url = pathToFileURL(resolve(baseDir, specifier)).href;
    } else {
      url = pathToFileURL(createRequire(resolve(baseDir, 'noop.js')).resolve(specifier)).href;
    }
  } catch (error) {
    throw new PluginLoadError(specifier, `module not found from ${baseDir}`, { cause: error });
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new PluginLoadError(specifier, `importing it failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const exported = namespace.default ?? namespace.plugin;
  const plugin = await toPlugin(exported, specifier);
  if (!plugin) {
    throw new PluginLoadError(
      specifier,
      'it exports no plugin (expected a default or `plugin` export: { name, module: ContainerModule })',
    );
  }
  return plugin;
}

async function toPlugin(value: unknown, specifier: string): Promise<ExecuterPlugin | undefined> {
  if (typeof value === 'function') return toPlugin(await (value as () => unknown)(), specifier);
  if (isContainerModule(value)) return { name: specifier, module: value };
  if (
    typeof value === 'object' &&
    value !== null &&
    'module' in value &&
    isContainerModule((value as ExecuterPlugin).module)
  ) {
    const plugin = value as ExecuterPlugin;
    return { name: typeof plugin.name === 'string' ? plugin.name : specifier, module: plugin.module };
  }
  return undefined;
}

/** Duck-typed so that a plugin resolving its own copy of inversify still loads. */
function isContainerModule(value: unknown): value is ContainerModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { load?: unknown }).load === 'function' &&
    'id' in value
  );
}
