export { createLiquidPromptModule, type LiquidPromptModuleOptions } from './create-liquid-prompt-module.js';
export { fence } from './fence.js';
export { LiquidPromptBuilder } from './liquid-prompt-builder.js';
export type { LiquidPromptBuilderOptions } from './liquid-prompt-builder-options.js';
export { packagedTemplatesDir } from './packaged-templates-dir.js';
