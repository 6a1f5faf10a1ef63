import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { RunnerUnavailableError } from '@executer/core';
import type { IsolationPlan, IsolationSetting } from './isolation-plan.js';
import { bubblewrapArguments } from './wrap-command.js';

let probed: IsolationPlan | undefined;

/** Finds an executable on PATH, like `which`. */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const folder of path.split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * Whether bubblewrap is installed AND works here (it needs user namespaces, which some containers
 * forbid). Probed once per process, synchronously (a few ms) because runner capabilities are
 * plain properties, with the same flags the runners use.
 */
export function probeBubblewrap(): IsolationPlan {
  if (probed) return probed;
  const bwrapPath = findExecutable('bwrap');
  if (!bwrapPath) {
    probed = { kind: 'none' };
    return probed;
  }
  const result = spawnSync(bwrapPath, [...bubblewrapArguments({ workingDirectory: '/' }), '--', 'true'], {
    timeout: 10_000,
    stdio: 'ignore',
  });
  probed = result.status === 0 ? { kind: 'bubblewrap', bwrapPath } : { kind: 'none' };
  return probed;
}

/** Turns `execution.isolation` into a plan; "bubblewrap" throws when it is missing or broken. */
export function resolveIsolation(
  setting: IsolationSetting,
  runnerName: string,
  probe: () => IsolationPlan = probeBubblewrap,
): IsolationPlan {
  if (setting === 'none') return { kind: 'none' };
  const plan = probe();
  if (setting === 'bubblewrap' && plan.kind !== 'bubblewrap') {
    throw new RunnerUnavailableError(
      runnerName,
      'execution.isolation is "bubblewrap" but bwrap is not installed or cannot create namespaces here.',
      {
        hint: 'Install bubblewrap (apt-get install bubblewrap), allow unprivileged user namespaces, or set execution.isolation to "auto" or "none".',
      },
    );
  }
  return plan;
}
