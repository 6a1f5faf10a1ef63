import type { Attempt } from './attempt.js';
import type { ExecutionMode } from './execution-mode.js';
import type { SecurityMode } from './security-mode.js';
import type { TokenUsage } from './token-usage.js';

/** What `run` and `executeCode` return. The first eight fields are the seed's ExecutionResult. */
export interface ExecutionResult {
  /** Whether the final attempt ran to the end without error. */
  success: boolean;
  /** Standard output of the final attempt. */
  output: string;
  /** Error of the final attempt (exception with traceback tail, violations, timeout...); empty on success. */
  error: string;
  /** The code of the final attempt. */
  code: string;
  /** Wall-clock seconds for the whole run, generation and retries included. */
  executionTime: number;
  /** Unique id, e.g. "20260203_190708_059131". */
  executionId: string;
  /** The instruction as given ("" for `executeCode`). */
  instruction: string;
  /** ISO 8601 time the run started. */
  timestamp: string;
  /** Every attempt in order; the last one decided `success`. */
  attempts: Attempt[];
  /** Provider name ("" for `executeCode`, which calls no model). */
  provider: string;
  /** Model that answered ("" for `executeCode`). */
  model: string;
  securityMode: SecurityMode;
  executionMode: ExecutionMode;
  /** Tokens summed over every attempt. */
  usage: TokenUsage;
  /** Whether the record was written to history. */
  saved: boolean;
}
