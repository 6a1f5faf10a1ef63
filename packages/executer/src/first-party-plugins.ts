import type { ExecuterPlugin } from '@executer/core';

/**
 * Every first-party plugin, in registration order. Each package binds its implementations lazily
 * by name, so registering them all costs nothing until a name is used (no SDK client, Docker
 * connection or Python process is created here).
 */
export function firstPartyPlugins(): ExecuterPlugin[] {
  return [];
}
