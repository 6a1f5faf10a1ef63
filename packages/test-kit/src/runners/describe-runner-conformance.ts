import { randomUUID } from 'node:crypto';
import type { RunJob, Runner, RunOutcome } from '@executer/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureGuard } from './fixture-guard.js';
import { findByCommandLine, isAlive, listDescendants, type ProcessEntry } from './process-table.js';
import type { RunnerConformanceOptions } from './runner-conformance-options.js';

const secretVariable = 'EXECUTER_CONFORMANCE_SECRET';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/**
 * The behaviour every Python runner shares: output capture and streaming, exit status, exceptions
 * with line numbers, Unicode and non-UTF-8 output, timeouts and aborts that kill the whole tree,
 * output and memory limits, concurrency, the environment allowlist and the guard contract. The last
 * test disposes the runner and proves no process it started is left.
 */
export function describeRunnerConformance(
  name: string,
  createRunner: () => Runner | Promise<Runner>,
  options: RunnerConformanceOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const guard = options.guard ?? fixtureGuard();
  const hostDescendants = options.hostDescendants ?? true;
  // Every process this suite asks for carries the marker in its command line.
  const marker = `executer-conformance-${randomUUID()}`;
  const secret = `s3cret-${randomUUID()}`;
  const seen = new Map<string, ProcessEntry>();
  let runner: Runner;

  const job = (code: string, overrides: Partial<RunJob> = {}): RunJob => ({
    code,
    language: 'python',
    timeoutMs,
    guard: null,
    ...overrides,
  });
  const track = () => {
    if (!hostDescendants) return;
    for (const entry of listDescendants()) {
      if (/python|bwrap/.test(entry.commandLine)) seen.set(`${entry.pid}:${entry.startTime}`, entry);
    }
  };
  // Waits until the grandchild has exec'd (its command line shows the marker), sampling processes.
  const watchGrandchild = async (tag: string) => {
    const seenIt = await waitFor(() => findByCommandLine(`${marker}-${tag}`).length > 0, 2500);
    track();
    return seenIt;
  };
  const grandchild = (tag: string) =>
    `import subprocess, sys, time\n` +
    `child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)", "${marker}-${tag}"])\n` +
    `print("started", child.pid, flush=True)\n` +
    `time.sleep(120)\n`;

  describe(`${name}: runner conformance`, () => {
    let previousSecret: string | undefined;

    beforeAll(async () => {
      previousSecret = process.env[secretVariable];
      process.env[secretVariable] = secret;
      runner = await createRunner();
    });

    afterEach(track);

    afterAll(async () => {
      await runner?.dispose();
      if (previousSecret === undefined) delete process.env[secretVariable];
      else process.env[secretVariable] = previousSecret;
    });

    it('declares Python and guard enforcement', () => {
      expect(runner.capabilities.languages).toContain('python');
      expect(runner.capabilities.enforcesGuard).toBe(true);
    });

    it('captures stdout and stderr, streams them, and returns them whole', async () => {
      const streamed = { stdout: '', stderr: '' };
      const outcome = await runner.run(
        job('import sys\nprint("to out")\nprint("to err", file=sys.stderr)\nprint("more out")'),
        {
          onStdout: (chunk) => {
            streamed.stdout += chunk;
          },
          onStderr: (chunk) => {
            streamed.stderr += chunk;
          },
        },
      );
      expect(outcome.status).toBe('success');
      expect(outcome.exitCode).toBe(0);
      expect(outcome.stdout).toBe('to out\nmore out\n');
      expect(outcome.stderr).toBe('to err\n');
      expect(streamed).toEqual({ stdout: outcome.stdout, stderr: outcome.stderr });
      expect(outcome.truncated).toEqual({ stdout: false, stderr: false });
      expect(outcome.violations).toEqual([]);
    });

    it('streams output while the code still runs', async () => {
      let firstChunkAt = 0;
      const outcome = await runner.run(
        job('import time\nprint("early", flush=True)\ntime.sleep(1.5)\nprint("late")'),
        {
          onStdout: () => {
            firstChunkAt ||= Date.now();
          },
        },
      );
      const finishedAt = Date.now();
      expect(outcome.stdout).toBe('early\nlate\n');
      // The first line arrived while the code still slept, however long the runner took to start.
      expect(firstChunkAt).toBeGreaterThan(0);
      expect(finishedAt - firstChunkAt).toBeGreaterThan(1000);
    });

    it('reports the exit status of sys.exit', async () => {
      const failed = await runner.run(job('import sys\nprint("bye")\nsys.exit(3)'));
      expect(failed.status).toBe('error');
      expect(failed.exitCode).toBe(3);
      expect(failed.stdout).toBe('bye\n');
      const clean = await runner.run(job('import sys\nsys.exit(0)'));
      expect(clean.status).toBe('success');
      expect(clean.exitCode).toBe(0);
    });

    it('reports an exception with its type, message and the line in the user code', async () => {
      const outcome = await runner.run(
        job('def divide(a, b):\n    return a / b\n\nprint("before")\ndivide(1, 0)\n'),
      );
      expect(outcome.status).toBe('error');
      expect(outcome.exitCode).not.toBe(0);
      expect(outcome.stdout).toBe('before\n');
      expect(outcome.exception?.type).toBe('ZeroDivisionError');
      expect(outcome.exception?.message).toBe('division by zero');
      expect(outcome.exception?.line).toBe(2);
      expect(outcome.exception?.traceback).toContain('line 5');
      expect(outcome.exception?.traceback).toContain('return a / b');
      expect(outcome.exception?.traceback).not.toContain('harness');
      expect(outcome.stderr).toContain('ZeroDivisionError');
    });

    it('reports a syntax error with its line', async () => {
      const outcome = await runner.run(job('x = 1\ny = (2,\nprint(x'));
      expect(outcome.status).toBe('error');
      expect(outcome.exception?.type).toBe('SyntaxError');
      expect(outcome.exception?.line).toBeGreaterThanOrEqual(2);
      expect(outcome.stdout).toBe('');
    });

    it('gives each run a fresh namespace', async () => {
      await runner.run(job('leaked_value = 41'));
      const outcome = await runner.run(job('print(leaked_value)'));
      expect(outcome.status).toBe('error');
      expect(outcome.exception?.type).toBe('NameError');
    });

    it('keeps Unicode intact', async () => {
      const text = 'héllo wörld — 世界 🎉 Ωmega';
      const outcome = await runner.run(
        job(`print(${JSON.stringify(text)})\nimport sys\nprint("ñ", file=sys.stderr)`),
      );
      expect(outcome.status).toBe('success');
      expect(outcome.stdout).toBe(`${text}\n`);
      expect(outcome.stderr).toBe('ñ\n');
    });

    it('survives bytes that are not UTF-8, even split across chunks', async () => {
      const outcome = await runner.run(
        job(
          'import sys\nsys.stdout.buffer.write(b"ok \\xff\\xfe end\\n")\nsys.stdout.buffer.write(b"\\xe4")\nsys.stdout.flush()\nsys.stdout.buffer.write(b"\\xb8\\x96\\n")\nprint("after")',
        ),
      );
      expect(outcome.status).toBe('success');
      expect(outcome.stdout).toContain('ok \uFFFD\uFFFD end\n');
      expect(outcome.stdout).toContain('after\n');
    });

    it('times out, kills a grandchild too, and keeps the output produced so far', async () => {
      const tag = 'timeout';
      let grandchildSeen: Promise<boolean> | undefined;
      const outcome = await runner.run(job(grandchild(tag), { timeoutMs: 3000 }), {
        onStdout: () => {
          grandchildSeen ??= watchGrandchild(tag);
        },
      });
      expect(outcome.status).toBe('timeout');
      expect(outcome.stdout).toMatch(/^started \d+\n$/);
      expect(outcome.durationMs).toBeGreaterThanOrEqual(2900);
      expect(outcome.durationMs).toBeLessThan(15_000);
      // The grandchild really ran (otherwise this test could not fail) and is gone now.
      expect(await grandchildSeen).toBe(true);
      expect(await waitFor(() => findByCommandLine(`${marker}-${tag}`).length === 0, 5000)).toBe(true);
    });

    it('stops on abort, grandchild included', async () => {
      const controller = new AbortController();
      const tag = 'abort';
      let grandchildSeen: Promise<boolean> | undefined;
      const started = Date.now();
      const outcome = await runner.run(job(grandchild(tag)), {
        signal: controller.signal,
        onStdout: () => {
          grandchildSeen ??= watchGrandchild(tag);
          void grandchildSeen.then(() => controller.abort());
        },
      });
      expect(outcome.status).toBe('aborted');
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await grandchildSeen).toBe(true);
      expect(await waitFor(() => findByCommandLine(`${marker}-${tag}`).length === 0, 5000)).toBe(true);
      const already = new AbortController();
      already.abort();
      expect((await runner.run(job('print(1)'), { signal: already.signal })).status).toBe('aborted');
    });

    it('caps an output flood with a visible marker and stops the program', async () => {
      const limit = 64 * 1024;
      const rssBefore = process.memoryUsage().rss;
      let streamedBytes = 0;
      const outcome = await runner.run(
        job('while True:\n    print("x" * 1000)', { limits: { outputBytes: limit } }),
        {
          onStdout: (chunk) => {
            streamedBytes += Buffer.byteLength(chunk);
          },
        },
      );
      expect(outcome.status).toBe('error');
      expect(outcome.limitExceeded).toBe('output');
      expect(outcome.truncated.stdout).toBe(true);
      expect(outcome.stdout).toMatch(/output truncated/);
      expect(Buffer.byteLength(outcome.stdout)).toBeLessThan(limit + 200);
      expect(streamedBytes).toBeLessThan(limit + 200);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
      const after = await runner.run(job('print("still fine")'));
      expect(after.stdout).toBe('still fine\n');
    });

    it('stops a memory hog at the memory limit', async () => {
      const outcome = await runner.run(
        job('hog = []\nwhile True:\n    hog.append(bytearray(10_000_000))', {
          limits: { memoryBytes: 256 * 1024 * 1024 },
        }),
      );
      expect(outcome.status).toBe('error');
      expect(outcome.limitExceeded).toBe('memory');
      const after = await runner.run(job('print("still fine")'));
      expect(after.stdout).toBe('still fine\n');
    });

    it('runs 50 jobs concurrently without mixing their output', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          runner.run(
            job(`import sys\nprint(${index}, sum(range(${index})))\nprint(${index}, file=sys.stderr)`),
          ),
        ),
      );
      outcomes.forEach((outcome: RunOutcome, index) => {
        expect(outcome.status).toBe('success');
        expect(outcome.stdout).toBe(`${index} ${(index * (index - 1)) / 2}\n`);
        expect(outcome.stderr).toBe(`${index}\n`);
      });
    });

    it('hands the code an allowlisted environment, not the host secrets', async () => {
      expect(process.env[secretVariable]).toBe(secret);
      const outcome = await runner.run(
        job(
          `import os\nprint(os.environ.get("${secretVariable}"))\nprint(sorted(os.environ))\nprint(open("/proc/self/environ", "rb").read())`,
        ),
      );
      expect(outcome.status).toBe('success');
      expect(outcome.stdout.split('\n')[0]).toBe('None');
      expect(outcome.stdout).not.toContain(secret);
      expect(outcome.stdout).not.toContain(secretVariable);
    });

    describe('guard contract', () => {
      it('reports an uncaught refusal as "refused" with the line', async () => {
        const outcome = await runner.run(
          job(`x = 1\nopen("/tmp/${marker}-refused", "w").write("no")\n`, { guard }),
        );
        expect(outcome.status).toBe('refused');
        expect(outcome.violations).toHaveLength(1);
        expect(outcome.violations[0]).toMatchObject({ rule: 'file-write', source: 'runtime', line: 2 });
        expect(outcome.violations[0]?.message.startsWith('[executer:safe] ')).toBe(true);
        expect(outcome.exception?.type).toBe('PermissionError');
      });

      it('reports a refusal the code caught, and keeps its output', async () => {
        const outcome = await runner.run(
          job(
            `try:\n    open("/tmp/${marker}-caught", "a")\nexcept PermissionError:\n    pass\nprint("carried on")\n`,
            { guard },
          ),
        );
        expect(outcome.status).toBe('refused');
        expect(outcome.stdout).toBe('carried on\n');
        expect(outcome.violations.map((violation) => violation.line)).toEqual([2]);
      });

      it('lets guarded code read, and a clean guarded run succeeds with no violations', async () => {
        const outcome = await runner.run(
          job('data = open("/proc/self/status").read()\nprint("Name" in data)', { guard }),
        );
        expect(outcome.status).toBe('success');
        expect(outcome.stdout).toBe('True\n');
        expect(outcome.violations).toEqual([]);
      });

      it('never runs unguarded code under a guard, nor guarded code without one', async () => {
        const write = (index: number) =>
          `open("/tmp/${marker}-${index}", "w").write("x")\nimport os\nos.remove("/tmp/${marker}-${index}")\nprint("wrote")`;
        // Interleave so that every worker of a pool sees both kinds.
        const outcomes = await Promise.all(
          Array.from({ length: 16 }, (_, index) =>
            runner.run(job(write(index), { guard: index % 2 === 0 ? guard : null })),
          ),
        );
        outcomes.forEach((outcome, index) => {
          if (index % 2 === 0) expect(outcome.status, `guarded run ${index}`).toBe('refused');
          else expect(outcome.stdout, `unguarded run ${index}`).toBe('wrote\n');
        });
      });
    });

    it('leaves no process running after dispose()', async () => {
      track();
      await runner.dispose();
      if (hostDescendants) {
        // The suite's long runs were sampled, so this cannot pass by having looked at nothing.
        expect(seen.size).toBeGreaterThan(0);
        expect(
          await waitFor(() => [...seen.values()].every((entry) => !isAlive(entry)), 5000),
          'a runner process outlived dispose()',
        ).toBe(true);
      }
      expect(await waitFor(() => findByCommandLine(marker).length === 0, 5000)).toBe(true);
    });
  });
}
