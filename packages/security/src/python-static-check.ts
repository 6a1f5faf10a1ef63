import type { StaticCheckResult } from '@executer/core';

export function checkPython(_code: string): StaticCheckResult {
  return { violations: [] };
}
