export * from './executer-plugin.js';
export * from './load-plugin-module.js';
export * from './plugin-registration.js';
