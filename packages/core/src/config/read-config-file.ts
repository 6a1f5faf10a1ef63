import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors/config-error.js';
import { knownFileKeys } from './config-settings.js';

/** Reads config.json and checks its shape (known blocks and keys); values are checked later. */
export async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code})`, {
      file,
      path: '(file)',
      hint: 'Pass an existing file with --config / configFile, or unset EXECUTER_CONFIG.',
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`is not valid JSON: ${(error as Error).message}`, {
      file,
      path: '(file)',
      hint: 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).',
      cause: error,
    });
  }
  if (!isPlainObject(parsed)) {
    throw new ConfigError('must be a JSON object', {
      file,
      path: '(root)',
      value: parsed,
      allowed: 'an object such as {"execution": {...}}',
    });
  }
  checkKnownKeys(parsed, file);
  return parsed;
}

function checkKnownKeys(root: Record<string, unknown>, file: string): void {
  const known = knownFileKeys();
  const rootKeys = known.get('') ?? new Set<string>();
  for (const key of Object.keys(root)) {
    if (!rootKeys.has(key)) {
      throw new ConfigError('unknown key', {
        file,
        path: key,
        allowed: [...rootKeys].filter((k) => k !== '$schema').join(', '),
      });
    }
    const blockKeys = known.get(key);
    const block = root[key];
    // Blocks with a fixed set of keys are checked; open records (runners, providers) are not.
    if (!blockKeys || blockKeys.size === 0 || !['execution', 'ai'].includes(key)) continue;
    if (!isPlainObject(block)) {
      throw new ConfigError('must be an object', {
        file,
        path: key,
        value: block,
        allowed: `an object with keys ${[...blockKeys].join(', ')}`,
      });
    }
    for (const inner of Object.keys(block)) {
      if (!blockKeys.has(inner)) {
        throw new ConfigError('unknown key', {
          file,
          path: `${key}.${inner}`,
          allowed: [...blockKeys].join(', '),
        });
      }
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, or undefined. */
export function valueAt(root: Record<string, unknown>, dottedPath: string): unknown {
  let current: unknown = root;
  for (const part of dottedPath.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}
