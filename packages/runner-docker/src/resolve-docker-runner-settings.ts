import { isAbsolute } from 'node:path';
import { ConfigError, type ExecuterConfig } from '@executer/core';
import { z } from 'zod';
import type { DockerMount } from './docker-mount.js';
import type { DockerRunnerOptions } from './docker-runner-options.js';
import type { DockerRunnerSettings } from './docker-runner-settings.js';

/** The default image: a slim official one. Offline machines build executer-python:local instead. */
export const defaultDockerImage = 'python:3.12-slim';

interface SettingRule {
  setting: keyof DockerRunnerSettings;
  /** Key under runners.docker in config.json. */
  configKey: string;
  schema: z.ZodType;
  allowed: string;
}

const text = z.string().trim().min(1);
const absolutePath = text.refine((value) => isAbsolute(value));
const mount = z
  .object({
    source: absolutePath,
    target: absolutePath,
    read_only: z.boolean().optional(),
    readOnly: z.boolean().optional(),
  })
  .strict();

const rules: readonly SettingRule[] = [
  {
    setting: 'image',
    configKey: 'image',
    schema: text,
    allowed: 'an image name such as python:3.12-slim or executer-python:local',
  },
  {
    setting: 'pull',
    configKey: 'pull',
    schema: z.enum(['missing', 'never']),
    allowed: '"missing" or "never"',
  },
  {
    setting: 'host',
    configKey: 'host',
    schema: z.string().regex(/^(unix|tcp|http|https|ssh|npipe):\/\/./),
    allowed: 'an engine address such as unix:///var/run/docker.sock, tcp://10.0.0.5:2375 or ssh://user@host',
  },
  {
    setting: 'python',
    configKey: 'python',
    schema: text,
    allowed: 'the Python executable inside the image, e.g. python3',
  },
  {
    setting: 'poolSize',
    configKey: 'pool_size',
    schema: z.number().int().min(0).max(64),
    allowed: 'a whole number from 0 (cold mode) to 64',
  },
  {
    setting: 'maxContainers',
    configKey: 'max_containers',
    schema: z.number().int().min(1).max(256),
    allowed: 'a whole number from 1 to 256',
  },
  {
    setting: 'maxRunsPerContainer',
    configKey: 'max_runs_per_container',
    schema: z.number().int().min(1),
    allowed: 'a whole number above 0',
  },
  {
    setting: 'memoryMb',
    configKey: 'memory_mb',
    schema: z.number().int().min(16),
    allowed: 'a whole number of MiB, at least 16',
  },
  {
    setting: 'cpus',
    configKey: 'cpus',
    schema: z.number().positive().max(1024),
    allowed: 'a number of CPUs above 0, e.g. 0.5 or 2',
  },
  {
    setting: 'pidsLimit',
    configKey: 'pids_limit',
    schema: z.number().int().min(8),
    allowed: 'a whole number, at least 8',
  },
  {
    setting: 'tmpfsMb',
    configKey: 'tmpfs_mb',
    schema: z.number().int().min(1),
    allowed: 'a whole number of MiB above 0',
  },
  {
    setting: 'network',
    configKey: 'network',
    schema: text,
    allowed: 'a Docker network mode: "none" (default), "bridge" or a network name',
  },
  {
    setting: 'pidMode',
    configKey: 'pid_mode',
    schema: z.enum(['private', 'host']),
    allowed: '"private" or "host"',
  },
  {
    setting: 'readOnlyRootFilesystem',
    configKey: 'read_only',
    schema: z.boolean(),
    allowed: 'true or false',
  },
  { setting: 'user', configKey: 'user', schema: text, allowed: 'a user name or uid[:gid], e.g. 1000:1000' },
  {
    setting: 'capAdd',
    configKey: 'cap_add',
    schema: z.array(z.string().regex(/^[A-Z_]+$/)),
    allowed: 'a list of capability names, e.g. ["NET_BIND_SERVICE"]',
  },
  {
    setting: 'noNewPrivileges',
    configKey: 'no_new_privileges',
    schema: z.boolean(),
    allowed: 'true or false',
  },
  { setting: 'init', configKey: 'init', schema: z.boolean(), allowed: 'true or false' },
  {
    setting: 'runtime',
    configKey: 'runtime',
    schema: text,
    allowed: 'an OCI runtime the engine knows, e.g. runc or runsc',
  },
  {
    setting: 'mounts',
    configKey: 'mounts',
    schema: z.array(mount),
    allowed: 'a list of { "source": "/abs/host/path", "target": "/abs/container/path", "read_only": true }',
  },
  {
    setting: 'workingDirectory',
    configKey: 'working_dir',
    schema: absolutePath,
    allowed: 'an absolute path inside the container',
  },
  {
    setting: 'env',
    configKey: 'env',
    schema: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()),
    allowed: 'an object of variable name to string value',
  },
  {
    setting: 'startTimeoutMs',
    configKey: 'start_timeout_ms',
    schema: z.number().int().min(100),
    allowed: 'a whole number of ms, at least 100',
  },
];

const optionOnly = new Set<keyof DockerRunnerSettings>([
  'runMemoryBytes',
  'outputLimitBytes',
  'envAllowlist',
]);

/**
 * Builds the settings: options > EXECUTER_DOCKER_IMAGE / DOCKER_HOST (environment) > config.json
 * `runners.docker` > defaults. Every value is validated; a bad one is a ConfigError naming its key.
 */
export function resolveDockerRunnerSettings(
  config: Partial<ExecuterConfig> | undefined,
  options: DockerRunnerOptions = {},
): DockerRunnerSettings {
  const block = config?.runners?.docker ?? {};
  const environment = options.hostEnvironment ?? config?.env ?? process.env;
  const known = new Set(rules.map((rule) => rule.configKey));
  for (const key of Object.keys(block)) {
    if (!known.has(key)) {
      throw new ConfigError('unknown setting of the Docker runner', {
        path: `runners.docker.${key}`,
        value: block[key],
        allowed: [...known].join(', '),
        file: config?.configFile,
      });
    }
  }
  const memoryLimitMb = config?.memoryLimitMb ?? 512;
  const defaults: DockerRunnerSettings = {
    image: environment.EXECUTER_DOCKER_IMAGE?.trim() || defaultDockerImage,
    pull: 'missing',
    host: environment.DOCKER_HOST?.trim() || undefined,
    python: 'python3',
    poolSize: 2,
    maxContainers: 4,
    maxRunsPerContainer: 100,
    // Room above the per-run limit for the harness itself, so a hog hits its own limit first.
    memoryMb: memoryLimitMb + 128,
    cpus: 1,
    pidsLimit: 128,
    tmpfsMb: 64,
    network: 'none',
    pidMode: 'private',
    readOnlyRootFilesystem: true,
    user: '1000:1000',
    capAdd: [],
    noNewPrivileges: true,
    init: true,
    runtime: undefined,
    mounts: [],
    workingDirectory: undefined,
    env: {},
    startTimeoutMs: 60_000,
    runMemoryBytes: memoryLimitMb * 1024 * 1024,
    outputLimitBytes: config?.outputLimitBytes ?? 1_048_576,
    envAllowlist: config?.envAllowlist ?? [],
  };
  const settings: Record<string, unknown> = { ...defaults };
  for (const rule of rules) {
    const fromFile = block[rule.configKey];
    // The environment's image and host win over config.json, as EXECUTER_* variables do.
    const environmentWins =
      (rule.setting === 'image' && environment.EXECUTER_DOCKER_IMAGE) ||
      (rule.setting === 'host' && environment.DOCKER_HOST);
    if (fromFile !== undefined && !environmentWins) {
      settings[rule.setting] = validate(
        rule,
        fromFile,
        `runners.docker.${rule.configKey}`,
        config?.configFile,
      );
    }
    const fromOptions = options[rule.setting];
    if (fromOptions !== undefined)
      settings[rule.setting] = validate(rule, fromOptions, `options.${rule.setting}`);
  }
  for (const setting of optionOnly) {
    if (options[setting] !== undefined) settings[setting] = options[setting];
  }
  settings.mounts = (settings.mounts as Array<Record<string, unknown>>).map(toMount);
  return settings as unknown as DockerRunnerSettings;
}

function validate(rule: SettingRule, value: unknown, path: string, file?: string): unknown {
  const parsed = rule.schema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(`invalid value for the Docker runner's ${rule.configKey}`, {
      path,
      value,
      allowed: rule.allowed,
      file,
    });
  }
  return parsed.data;
}

function toMount(entry: Record<string, unknown>): DockerMount {
  const readOnly = entry.readOnly ?? entry.read_only;
  return { source: entry.source as string, target: entry.target as string, readOnly: readOnly !== false };
}
