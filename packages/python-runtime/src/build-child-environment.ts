/** Variables every Python child gets when the host has them. */
export const baseEnvironmentAllowlist: readonly string[] = ['PATH', 'LANG', 'LC_ALL', 'HOME', 'TZ'];

/**
 * The child's environment: only allowlisted variables, never the host's whole environment (an API
 * key in the host's environment must not be readable by generated code).
 */
export function buildChildEnvironment(
  allowlist: readonly string[],
  hostEnvironment: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of new Set([...baseEnvironmentAllowlist, ...allowlist])) {
    const value = hostEnvironment[name];
    if (value !== undefined) environment[name] = value;
  }
  return environment;
}
