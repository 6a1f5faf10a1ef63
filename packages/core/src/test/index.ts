export * from './create-test-plugin.js';
export * from './in-memory-history-store.js';
export * from './keyword-policy-double.js';
export * from './prompt-builder-double.js';
export * from './provider-settings-source.js';
export * from './runner-double.js';
export * from './scripted-provider.js';
