import type { HarnessResult } from './harness-messages.js';

/** Where a run's output frames go while it is the session's current run. */
export interface HarnessRunCallbacks {
  onStdout: (chunk: Buffer) => void;
  onStderr: (chunk: Buffer) => void;
}

/**
 * How a run on a harness ended: its result, or the harness's death. `Death` holds the extra fields
 * a transport adds to a death (Docker's `oomKilled`); none by default.
 */
export type HarnessRunEnding<Death extends object = Record<never, never>> =
  | { kind: 'result'; result: HarnessResult }
  | ({ kind: 'died'; reason: string } & Death);
