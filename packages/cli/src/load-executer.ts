import type { Executer, ExecuterOptions } from '@executer/executer';

/**
 * createExecuter, imported on first use: the first-party plugins pull in every provider SDK, which
 * `--help`, usage errors and `config` do not need.
 */
export async function createExecuter(options: ExecuterOptions): Promise<Executer> {
  const executer = await import('@executer/executer');
  return executer.createExecuter(options);
}
