import { bindPromptBuilder } from '@executer/core';
import { ContainerModule } from 'inversify';
import { LiquidPromptBuilder } from './liquid-prompt-builder.js';
import type { LiquidPromptBuilderOptions } from './liquid-prompt-builder-options.js';

export interface LiquidPromptModuleOptions extends LiquidPromptBuilderOptions {
  /** The name the builder is bound under; default "liquid". */
  name?: string;
}

/**
 * Binds the Liquid prompt builder. Its templates folder is, in order: `options.templatesDir`, the
 * configuration's `templatesDir`, the templates shipped with this package.
 */
export function createLiquidPromptModule(options: LiquidPromptModuleOptions = {}): ContainerModule {
  return new ContainerModule((moduleOptions) => {
    bindPromptBuilder(
      moduleOptions,
      options.name ?? 'liquid',
      (config) =>
        new LiquidPromptBuilder({
          templatesDir: options.templatesDir ?? config.templatesDir,
          templateName: options.templateName,
        }),
    );
  });
}
