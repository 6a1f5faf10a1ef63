export * from './config-settings.js';
export * from './executer-config.js';
export * from './executer-options.js';
export * from './read-config-file.js';
export * from './resolve-api-key.js';
export * from './resolve-config.js';
