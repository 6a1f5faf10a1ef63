/** How much the generated code may do. SAFE is the default and holds by effect, not by pattern. */
export const SecurityMode = {
  /** Blocks writes, deletes, network, processes, dynamic code and module manipulation. Reads stay allowed. */
  SAFE: 'safe',
  /** Allows everything; timeouts, memory limits and output caps still apply. */
  PERMISSIVE: 'permissive',
} as const;

export type SecurityMode = (typeof SecurityMode)[keyof typeof SecurityMode];

export const securityModes: readonly SecurityMode[] = Object.values(SecurityMode);

export function isSecurityMode(value: unknown): value is SecurityMode {
  return typeof value === 'string' && (securityModes as readonly string[]).includes(value);
}
