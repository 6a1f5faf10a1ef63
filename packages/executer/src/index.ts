// The one import a user needs: createExecuter() and everything core exposes publicly (the
// Executer class, SecurityMode, ExecutionMode, the typed errors, the ports and domain types).
export * from '@executer/core';
export { createExecuter } from './create-executer.js';
export { firstPartyPlugins } from './first-party-plugins.js';
