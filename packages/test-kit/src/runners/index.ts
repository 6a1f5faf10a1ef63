export * from './describe-runner-conformance.js';
export * from './fixture-guard.js';
export * from './process-table.js';
export * from './runner-conformance-options.js';
