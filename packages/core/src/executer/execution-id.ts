let lastId = '';
let lastMicros = -1;
let lastSecondKey = '';

/**
 * A seed-compatible id, "YYYYMMDD_HHMMSS_micro" in local time. Unique within this process even when
 * many runs start in the same microsecond; the HistoryStore resolves clashes between processes.
 */
export function createExecutionId(now: Date = new Date()): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const secondKey = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}_${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  // Sub-millisecond precision from the monotonic clock.
  let micros = now.getMilliseconds() * 1000 + Math.floor((performance.now() * 1000) % 1000);
  if (secondKey === lastSecondKey && micros <= lastMicros) micros = lastMicros + 1;
  if (micros > 999_999) micros = 999_999;
  lastSecondKey = secondKey;
  lastMicros = micros;
  const id = `${secondKey}_${pad(micros, 6)}`;
  lastId = id;
  return id;
}

export function lastExecutionId(): string {
  return lastId;
}
