const timestampId = /^(\d{8}_\d{6})_(\d{6})$/;

/**
 * The `index`-th alternative to an id that is taken. A seed-style id "YYYYMMDD_HHMMSS_micro" moves
 * on by microseconds, so it keeps the seed's shape and its place in time order; past the end of
 * the second, or for any other id, a counter is appended ("<id>_<index>").
 */
export function executionIdCandidate(executionId: string, index: number): string {
  if (index === 0) return executionId;
  const match = timestampId.exec(executionId);
  if (match) {
    const micros = Number(match[2]) + index;
    if (micros <= 999_999) return `${match[1]}_${String(micros).padStart(6, '0')}`;
  }
  return `${executionId}_${index}`;
}
