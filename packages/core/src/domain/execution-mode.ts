/**
 * The runner that executes code, by name. The first-party names are listed here; a plugin may
 * register any other name (for example "bubblewrap-cluster") and it is selected the same way.
 */
export const ExecutionMode = {
  /** One Python process per run (the seed's default). */
  SUBPROCESS: 'subprocess',
  /** The seed's exec mode, done safely: a pool of persistent Python children. */
  EXEC: 'exec',
  /** Hardened containers with a warm pool. */
  DOCKER: 'docker',
} as const;

// `string & {}` keeps editor completion for the known names while allowing plugin names.
export type ExecutionMode = (typeof ExecutionMode)[keyof typeof ExecutionMode] | (string & {});
