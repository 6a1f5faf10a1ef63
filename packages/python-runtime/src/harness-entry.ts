import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, lstat, mkdir, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { harnessPath } from './harness-path.js';
import type { PythonInterpreter } from './python-interpreter.js';

const compileScript =
  'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)';
const entries = new Map<string, Promise<string>>();

/** Where compiled harnesses are kept: the user's cache folder, as other tools keep theirs. */
export function defaultBytecodeDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = environment.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'executer', 'python');
}

/**
 * The file to start the harness from for `interpreter`: its compiled bytecode when it can be kept,
 * the harness's source otherwise. Python never caches the bytecode of the script it starts, so a
 * one-process-per-run runner would compile the whole harness (about 3 ms) on every run; a `.pyc`
 * made once per interpreter and harness version makes that start-up the same as a plain script's.
 *
 * The cache is used only if it is a real folder owned by this user that nobody else can write to:
 * a `.pyc` planted there would run as the host. Any failure falls back to the source.
 */
export function harnessEntry(
  interpreter: PythonInterpreter,
  directory: string | null = defaultBytecodeDirectory(),
): Promise<string> {
  if (directory === null) return Promise.resolve(harnessPath);
  const cacheKey = `${directory}\0${interpreter.path}\0${interpreter.version}`;
  let entry = entries.get(cacheKey);
  if (!entry) {
    entry = compileHarness(interpreter, directory, bytecodeKey(interpreter)).catch(() => harnessPath);
    entries.set(cacheKey, entry);
  }
  return entry;
}

let harnessDigest: string | undefined;

function bytecodeKey(interpreter: PythonInterpreter): string {
  // The harness does not change while the host runs: read and hash it once, not on every run.
  harnessDigest ??= createHash('sha256').update(readFileSync(harnessPath)).digest('hex');
  return createHash('sha256')
    .update(`${harnessDigest}\0${interpreter.path}\0${interpreter.version}`)
    .digest('hex')
    .slice(0, 24);
}

async function compileHarness(
  interpreter: PythonInterpreter,
  directory: string,
  key: string,
): Promise<string> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const folder = await lstat(directory);
  const ownedBy = process.getuid?.();
  if (
    !folder.isDirectory() ||
    (ownedBy !== undefined && folder.uid !== ownedBy) ||
    (folder.mode & 0o022) !== 0
  ) {
    throw new Error(`${directory} is not a private folder`);
  }
  const target = join(directory, `harness-${interpreter.version}-${key}.pyc`);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists) return target;
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const result = await execa(interpreter.path, ['-I', '-c', compileScript, harnessPath, temporary], {
      reject: false,
      timeout: 15_000,
      extendEnv: false,
      env: { PATH: process.env.PATH ?? '' },
    });
    if (result.exitCode !== 0) throw new Error(`py_compile failed: ${result.stderr}`);
    await rename(temporary, target);
    return target;
  } finally {
    await rm(temporary, { force: true });
  }
}
