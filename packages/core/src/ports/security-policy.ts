import type { ServiceIdentifier } from 'inversify';
import type { Language } from '../domain/language.js';
import type { SecurityMode } from '../domain/security-mode.js';
import type { Violation } from '../domain/violation.js';

/** One rule of a policy, in words for people and models. */
export interface SecurityRule {
  /** Stable id, used as Violation.rule. */
  id: string;
  /** One sentence: what is forbidden and what to do instead. */
  summary: string;
}

/** What the static check found. */
export interface StaticCheckResult {
  /** Forbidden operations found in the code. */
  violations: Violation[];
  /** The code does not parse; nothing else was checked. */
  syntaxError?: { message: string; line: number; column: number };
}

/**
 * What a runner must enforce while the code runs. For Python it is a stdlib-only module whose
 * `install(settings)` function installs audit hooks; the runner imports it from `modulePath` in the
 * child before the user's code and calls `install(settings)`. Once installed it cannot be removed.
 */
export interface RuntimeGuard {
  language: Language;
  /** Stable name of the guard implementation, e.g. "python-audit-hook". */
  name: string;
  /** Absolute path of the guard's source file on the host. */
  modulePath: string;
  /** JSON-serialisable settings passed to `install`. */
  settings: Record<string, unknown>;
}

/**
 * A security level. The static check is fast, in-process and advisory (it teaches the model);
 * the runtime guard is the wall that holds by effect.
 */
export interface SecurityPolicy {
  readonly mode: SecurityMode;
  /** The rules rendered into the prompt. Empty for PERMISSIVE. */
  readonly rules: readonly SecurityRule[];
  /** Reads the code without running it. Never throws for bad code: a syntax error is a result. */
  check(code: string, language: Language): StaticCheckResult;
  /** What a runner must enforce at run time, or null when nothing is (PERMISSIVE). */
  guard(language: Language): RuntimeGuard | null;
}

/** Policies are bound by name: `SecurityMode.SAFE` and `SecurityMode.PERMISSIVE`. */
export const SecurityPolicy: ServiceIdentifier<SecurityPolicy> = Symbol.for('@executer/core/SecurityPolicy');
