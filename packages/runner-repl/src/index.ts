export * from './create-repl-runner-module.js';
export * from './python-worker.js';
export * from './repl-runner.js';
export * from './repl-runner-options.js';
export * from './repl-runner-settings.js';
export * from './worker-pool.js';
