import 'reflect-metadata';

export * from './config/index.js';
export * from './domain/index.js';
export * from './errors/index.js';
export * from './executer/assemble-executer.js';
export * from './executer/describe-outcome.js';
export * from './executer/executer.js';
export * from './executer/executer-events.js';
export * from './executer/execution-id.js';
export * from './executer/extract-code.js';
export * from './executer/generate-with-retries.js';
export * from './plugins/index.js';
export * from './ports/index.js';
export * from './providers/index.js';
