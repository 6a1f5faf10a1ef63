import { isAbsolute } from 'node:path';
import type { IsolationPlan } from './isolation-plan.js';

export interface SandboxPaths {
  /** The child's working directory (visible read-only even when it lies under /tmp). */
  workingDirectory: string;
  /** More host paths to keep visible read-only (e.g. a guard module under /tmp). */
  readOnlyPaths?: readonly string[];
}

/**
 * bubblewrap flags: no network, the host filesystem read-only, a private /tmp, fresh /dev and
 * /proc, its own pid namespace, and death with its parent so no child outlives the host.
 */
export function bubblewrapArguments(paths: SandboxPaths): string[] {
  const visible = [paths.workingDirectory, ...(paths.readOnlyPaths ?? [])].filter(
    (path) => isAbsolute(path) && (path === '/tmp' || path.startsWith('/tmp/')),
  );
  return [
    '--ro-bind',
    '/',
    '/',
    '--dev',
    '/dev',
    '--proc',
    '/proc',
    '--tmpfs',
    '/tmp',
    ...visible.flatMap((path) => ['--ro-bind-try', path, path]),
    '--unshare-net',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--die-with-parent',
    '--chdir',
    paths.workingDirectory,
  ];
}

/** The command that runs `file args` under the plan. */
export function wrapCommand(
  plan: IsolationPlan,
  file: string,
  args: readonly string[],
  paths: SandboxPaths,
): { file: string; args: string[] } {
  if (plan.kind === 'none') return { file, args: [...args] };
  return { file: plan.bwrapPath, args: [...bubblewrapArguments(paths), '--', file, ...args] };
}
