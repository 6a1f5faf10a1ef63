import { assembleExecuter, type Executer, type ExecuterOptions } from '@executer/core';
import { firstPartyPlugins } from './first-party-plugins.js';

/**
 * Creates an Executer with every first-party provider, runner, security policy, prompt builder
 * and history store registered. Configuration precedence: these options > EXECUTER_* environment >
 * config.json > defaults. Unknown names and invalid values fail here, before anything runs; a
 * missing API key fails only when a model is first called, so `executeCode` and the history
 * methods work without one.
 */
export function createExecuter(options: ExecuterOptions = {}): Promise<Executer> {
  return assembleExecuter(options, firstPartyPlugins());
}
