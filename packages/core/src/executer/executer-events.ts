import type { Attempt } from '../domain/attempt.js';
import type { Violation } from '../domain/violation.js';
import type { ProviderError } from '../errors/provider-error.js';

/** Progress of a run, for live views (the CLI's spinner and streamed output). */
export type ExecuterEvent =
  | { type: 'attempt-start'; attempt: number; maxAttempts: number }
  | { type: 'generating'; attempt: number; provider: string; model: string }
  | { type: 'text-delta'; attempt: number; delta: string }
  | { type: 'provider-retry'; attempt: number; error: ProviderError; delayMs: number; retry: number }
  | { type: 'code'; attempt: number; code: string }
  | { type: 'violations'; attempt: number; violations: Violation[] }
  | { type: 'running'; attempt: number; runner: string }
  | { type: 'stdout'; attempt: number; chunk: string }
  | { type: 'stderr'; attempt: number; chunk: string }
  | { type: 'attempt-end'; attempt: Attempt; willRetry: boolean }
  | { type: 'saved'; executionId: string };

export type ExecuterEventListener = (event: ExecuterEvent) => void;
