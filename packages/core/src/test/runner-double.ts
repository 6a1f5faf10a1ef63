import type { RunOutcome } from '../domain/run-outcome.js';
import type { RunJob, Runner, RunnerCapabilities, RunOptions } from '../ports/runner.js';

export type RunnerScript = (
  job: RunJob,
  options: RunOptions,
) => Partial<RunOutcome> | Promise<Partial<RunOutcome>>;

/**
 * A Runner double for orchestration tests: answers each job from a script function (it runs no
 * code) and records the jobs it got. Use the real runners to test running code.
 */
export class RunnerDouble implements Runner {
  readonly name: string;
  readonly capabilities: RunnerCapabilities;
  readonly jobs: RunJob[] = [];
  disposed = false;
  readonly #script: RunnerScript;

  constructor(
    script: RunnerScript,
    options: { name?: string; capabilities?: Partial<RunnerCapabilities> } = {},
  ) {
    this.#script = script;
    this.name = options.name ?? 'double';
    this.capabilities = {
      languages: ['python'],
      isolation: 'none',
      enforcesGuard: true,
      ...options.capabilities,
    };
  }

  async run(job: RunJob, options: RunOptions = {}): Promise<RunOutcome> {
    this.jobs.push(job);
    const partial = await this.#script(job, options);
    const outcome: RunOutcome = {
      status: 'success',
      exitCode: 0,
      stdout: '',
      stderr: '',
      violations: [],
      durationMs: 1,
      truncated: { stdout: false, stderr: false },
      ...partial,
    };
    if (outcome.stdout) options.onStdout?.(outcome.stdout);
    if (outcome.stderr) options.onStderr?.(outcome.stderr);
    return outcome;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
