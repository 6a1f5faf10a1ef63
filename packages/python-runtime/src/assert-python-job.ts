import { type RunJob, RunnerUnavailableError } from '@executer/core';

/** Every Python runner refuses other languages the same way. */
export function assertPythonJob(job: RunJob, runnerName: string): void {
  if (job.language !== 'python') {
    throw new RunnerUnavailableError(runnerName, `runs Python only, not ${job.language}.`);
  }
}
