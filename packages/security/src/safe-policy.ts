import type { Language, RuntimeGuard, SecurityPolicy, SecurityRule, StaticCheckResult } from '@executer/core';
import { SecurityMode } from '@executer/core';
import { guardModulePath } from './guard-module-path.js';
import { checkPython } from './python-static-check.js';
import { safeRules } from './safe-rules.js';

/** The filename runners compile the user's code under; the guard reports lines in it. */
export const generatedFilename = '<generated>';

/**
 * SAFE: a static check that teaches the model (fast, in-process, advisory) and a runtime guard
 * that holds by effect (PEP 578 audit hooks installed before the code runs).
 */
export class SafePolicy implements SecurityPolicy {
  readonly mode = SecurityMode.SAFE;
  readonly rules: readonly SecurityRule[] = safeRules;

  check(code: string, language: Language): StaticCheckResult {
    if (language !== 'python') return { violations: [] };
    return checkPython(code);
  }

  guard(language: Language): RuntimeGuard | null {
    if (language !== 'python') return null;
    return {
      language: 'python',
      name: 'python-audit-hook',
      modulePath: guardModulePath,
      settings: { userFilename: generatedFilename },
    };
  }
}
