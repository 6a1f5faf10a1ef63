import type { ContainerModuleLoadOptions, ResolutionContext, ServiceIdentifier } from 'inversify';
import { ExecuterConfig } from '../config/executer-config.js';
import { HistoryStore } from '../ports/history-store.js';
import { PromptBuilder } from '../ports/prompt-builder.js';
import { Provider } from '../ports/provider.js';
import { Runner } from '../ports/runner.js';
import { SecurityPolicy } from '../ports/security-policy.js';

/** The kinds of named implementations, and the config path that selects each. */
export const pluginKinds = {
  provider: { token: Provider, configPath: 'ai.provider' },
  runner: { token: Runner, configPath: 'execution.mode' },
  'security-policy': { token: SecurityPolicy, configPath: 'execution.security' },
  'prompt-builder': { token: PromptBuilder, configPath: 'prompt_builder' },
  'history-store': { token: HistoryStore, configPath: 'history_store' },
} as const;

export type PluginKind = keyof typeof pluginKinds;

/** Records that a name is bound, so unknown names can be reported with the list of known ones. */
export interface PluginRegistration {
  kind: PluginKind;
  name: string;
}

export const PluginRegistration: ServiceIdentifier<PluginRegistration> = Symbol.for(
  '@executer/core/PluginRegistration',
);

/** Builds an implementation when it is first asked for, with the effective configuration at hand. */
export type ImplementationFactory<T> = (config: ExecuterConfig, context: ResolutionContext) => T;

/**
 * Binds an implementation of a port under a name, as a lazy singleton: a provider whose key is
 * missing, or a Docker runner whose engine is down, fails only when it is actually used.
 */
export function bindNamed<T>(
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  kind: PluginKind,
  name: string,
  create: ImplementationFactory<T>,
): void {
  const token = pluginKinds[kind].token as unknown as ServiceIdentifier<T>;
  options
    .bind(token)
    .toDynamicValue((context) => create(context.get(ExecuterConfig), context))
    .inSingletonScope()
    .whenNamed(name);
  options.bind(PluginRegistration).toConstantValue({ kind, name });
}

export const bindProvider = (
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  name: string,
  create: ImplementationFactory<Provider>,
) => bindNamed(options, 'provider', name, create);
export const bindRunner = (
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  name: string,
  create: ImplementationFactory<Runner>,
) => bindNamed(options, 'runner', name, create);
export const bindSecurityPolicy = (
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  name: string,
  create: ImplementationFactory<SecurityPolicy>,
) => bindNamed(options, 'security-policy', name, create);
export const bindPromptBuilder = (
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  name: string,
  create: ImplementationFactory<PromptBuilder>,
) => bindNamed(options, 'prompt-builder', name, create);
export const bindHistoryStore = (
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  name: string,
  create: ImplementationFactory<HistoryStore>,
) => bindNamed(options, 'history-store', name, create);
