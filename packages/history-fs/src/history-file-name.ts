/** A record's file name, split: `<id>_OK.json` or `<id>_FAIL.json`. */
export interface HistoryFileName {
  name: string;
  executionId: string;
  success: boolean;
}

const okSuffix = '_OK.json';
const failSuffix = '_FAIL.json';

/** Ids that are safe as a file name stem on every platform: no separators, no dot files, bounded. */
const safeExecutionId = /^[A-Za-z0-9][A-Za-z0-9_-]{0,199}$/;

export function isSafeExecutionId(executionId: string): boolean {
  return safeExecutionId.test(executionId);
}

export function recordFileName(executionId: string, success: boolean): string {
  return `${executionId}${success ? okSuffix : failSuffix}`;
}

/** Whether a name is a record's, without splitting it (this runs once per file on every listing). */
export function isRecordFileName(name: string): boolean {
  return (
    name.charCodeAt(0) !== 46 /* "." */ &&
    ((name.endsWith(okSuffix) && name.length > okSuffix.length) ||
      (name.endsWith(failSuffix) && name.length > failSuffix.length))
  );
}

/** Whether a record's file name (already known to be one) marks a success. */
export function isSuccessFileName(name: string): boolean {
  return name.endsWith(okSuffix);
}

/** Splits a record's file name, or returns undefined for any other file (temporary, foreign, hidden). */
export function parseRecordFileName(name: string): HistoryFileName | undefined {
  // String tests rather than a regular expression: this runs once per file on every listing.
  if (name.charCodeAt(0) === 46 /* "." */) return undefined;
  if (name.endsWith(okSuffix) && name.length > okSuffix.length) {
    return { name, executionId: name.slice(0, -okSuffix.length), success: true };
  }
  if (name.endsWith(failSuffix) && name.length > failSuffix.length) {
    return { name, executionId: name.slice(0, -failSuffix.length), success: false };
  }
  return undefined;
}

const temporaryPrefix = '.';
const temporarySuffix = '.tmp';

/** A hidden name that no listing mistakes for a record. */
export function temporaryFileName(executionId: string, unique: string): string {
  return `${temporaryPrefix}${executionId}.${unique}${temporarySuffix}`;
}

export function isTemporaryFileName(name: string): boolean {
  return name.startsWith(temporaryPrefix) && name.endsWith(temporarySuffix);
}
