/**
 * One breach of the active security policy. Static violations come from reading the code before
 * it runs; runtime violations come from the guard refusing an operation while it runs.
 */
export interface Violation {
  /** Stable rule identifier, e.g. "process", "file-write", "network", "dynamic-code", "syntax". */
  rule: string;
  /** A sentence a model can act on: what was found, why it is forbidden, what to do instead. */
  message: string;
  /** 1-based line in the generated code, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Where it was caught. */
  source: 'static' | 'runtime';
}

/** Renders violations one per line, as they are shown to people and fed back to the model. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation) => {
      const where = violation.line === undefined ? '' : `line ${violation.line}: `;
      return `${where}${violation.message} [${violation.rule}]`;
    })
    .join('\n');
}
