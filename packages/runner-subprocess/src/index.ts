export * from './create-subprocess-runner-module.js';
export * from './subprocess-runner.js';
export * from './subprocess-runner-options.js';
