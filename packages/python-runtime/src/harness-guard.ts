import { readFileSync, statSync } from 'node:fs';
import { RunnerUnavailableError, type RuntimeGuard } from '@executer/core';

/** The guard as the harness receives it: its path, its settings, and its source. */
export interface HarnessGuard {
  modulePath: string;
  settings: Record<string, unknown>;
  source: string;
}

const cache = new Map<string, { mtimeMs: number; source: string }>();

/**
 * Reads the guard's source on the host (cached until the file changes) so that the harness can load
 * it even where the file is hidden from the child, e.g. under bubblewrap's private /tmp.
 */
export function toHarnessGuard(guard: RuntimeGuard, runner: string): HarnessGuard {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(guard.modulePath).mtimeMs;
  } catch (error) {
    throw new RunnerUnavailableError(runner, `the runtime guard module ${guard.modulePath} cannot be read`, {
      cause: error,
      hint: 'Reinstall @executer/security, or check the guard path the security policy returns.',
    });
  }
  let cached = cache.get(guard.modulePath);
  if (!cached || cached.mtimeMs !== mtimeMs) {
    cached = { mtimeMs, source: readFileSync(guard.modulePath, 'utf8') };
    cache.set(guard.modulePath, cached);
  }
  return { modulePath: guard.modulePath, settings: guard.settings, source: cached.source };
}
