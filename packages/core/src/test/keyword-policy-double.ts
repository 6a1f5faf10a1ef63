import type { Language } from '../domain/language.js';
import type { SecurityMode } from '../domain/security-mode.js';
import type { Violation } from '../domain/violation.js';
import type {
  RuntimeGuard,
  SecurityPolicy,
  SecurityRule,
  StaticCheckResult,
} from '../ports/security-policy.js';

/**
 * A SecurityPolicy double that flags lines containing given words, and reports a syntax error for
 * a line holding the marker "<<syntax error>>". It enforces nothing; the real policy lives in
 * @executer/security.
 */
export class KeywordPolicyDouble implements SecurityPolicy {
  readonly mode: SecurityMode;
  readonly rules: readonly SecurityRule[];
  readonly #forbidden: readonly string[];

  constructor(mode: SecurityMode, forbidden: readonly string[] = []) {
    this.mode = mode;
    this.#forbidden = forbidden;
    this.rules = forbidden.map((word) => ({ id: `no-${word}`, summary: `Do not use ${word}.` }));
  }

  check(code: string, _language: Language): StaticCheckResult {
    const lines = code.split('\n');
    const syntaxLine = lines.findIndex((line) => line.includes('<<syntax error>>'));
    if (syntaxLine >= 0)
      return { violations: [], syntaxError: { message: 'invalid syntax', line: syntaxLine + 1, column: 1 } };
    const violations: Violation[] = [];
    lines.forEach((line, index) => {
      for (const word of this.#forbidden) {
        if (line.includes(word)) {
          violations.push({
            rule: `no-${word}`,
            message: `\`${word}\` is forbidden in SAFE mode`,
            line: index + 1,
            source: 'static',
          });
        }
      }
    });
    return { violations };
  }

  guard(language: Language): RuntimeGuard | null {
    return this.mode === 'safe' ? { language, name: 'double', modulePath: '/dev/null', settings: {} } : null;
  }
}
