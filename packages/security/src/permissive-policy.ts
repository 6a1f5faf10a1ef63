import type { Language, RuntimeGuard, SecurityPolicy, SecurityRule, StaticCheckResult } from '@executer/core';
import { SecurityMode } from '@executer/core';

/** PERMISSIVE: nothing is checked or guarded; runners still apply timeouts, memory limits and output caps. */
export class PermissivePolicy implements SecurityPolicy {
  readonly mode = SecurityMode.PERMISSIVE;
  readonly rules: readonly SecurityRule[] = [];

  check(_code: string, _language: Language): StaticCheckResult {
    return { violations: [] };
  }

  guard(_language: Language): RuntimeGuard | null {
    return null;
  }
}
