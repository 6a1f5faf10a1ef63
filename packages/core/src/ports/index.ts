export * from './history-store.js';
export * from './prompt-builder.js';
export * from './provider.js';
export * from './runner.js';
export * from './security-policy.js';
