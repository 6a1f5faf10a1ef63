import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RuntimeGuard } from '@executer/core';
import { RunnerUnavailableError } from '@executer/core';
import { containerGuardsDirectory, runtimeDirectory } from './container-paths.js';
import type { RuntimeFile } from './runtime-archive.js';

/** A guard as it is shipped into containers: its folder's files under a content-addressed name. */
export interface GuardBundle {
  /** Content digest: a container holds each bundle once. */
  digest: string;
  /** The guard module's path inside a container. */
  containerModulePath: string;
  /** Files relative to the runtime folder (the archive API needs an existing destination). */
  files: RuntimeFile[];
}

const maxBundleBytes = 4 * 1024 * 1024;

/**
 * Reads a guard's module and the files beside it (a guard may import helpers from its folder),
 * so that containers on a remote engine get the same guard as the host has.
 */
export async function readGuardBundle(guard: RuntimeGuard): Promise<GuardBundle> {
  const folder = dirname(guard.modulePath);
  const moduleName = basename(guard.modulePath);
  const contents: Array<{ name: string; content: Buffer }> = [];
  let total = 0;
  try {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (!entry.isFile() || !(entry.name === moduleName || /\.(py|json)$/.test(entry.name))) continue;
      const path = join(folder, entry.name);
      total += (await stat(path)).size;
      if (total > maxBundleBytes) break;
      contents.push({ name: entry.name, content: await readFile(path) });
    }
  } catch (error) {
    throw new RunnerUnavailableError('docker', `cannot read the runtime guard at ${guard.modulePath}`, {
      cause: error,
    });
  }
  if (!contents.some((file) => file.name === moduleName)) {
    throw new RunnerUnavailableError('docker', `the runtime guard module ${guard.modulePath} does not exist`);
  }
  const hash = createHash('sha256');
  for (const file of contents) hash.update(file.name).update('\0').update(file.content).update('\0');
  const digest = hash.digest('hex').slice(0, 16);
  return {
    digest,
    containerModulePath: `${containerGuardsDirectory}/${digest}/${moduleName}`,
    files: contents.map((file) => ({
      name: `${containerGuardsDirectory.slice(runtimeDirectory.length + 1)}/${digest}/${file.name}`,
      content: file.content,
    })),
  };
}
