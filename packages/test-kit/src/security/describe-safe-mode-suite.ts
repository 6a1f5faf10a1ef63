import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Runner, RunOutcome, RuntimeGuard } from '@executer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackPrograms } from './attack-programs.js';
import { AttackSandbox } from './attack-sandbox.js';
import { ordinaryFixtureFiles, ordinaryPrograms } from './ordinary-programs.js';
import type { SecurityAttack } from './security-attack.js';

export interface SafeModeSuiteContext {
  /** The folder the runner must use as the code's working directory (it holds the fixture files). */
  workingDirectory: string;
}

export interface SafeModeSuiteOptions {
  /** The SAFE policy's guard, e.g. `new SafePolicy().guard('python')`. */
  guard: RuntimeGuard;
  /**
   * Whether an unguarded run can reach the host (false under bubblewrap, which is a wall of its
   * own): when true, every attack must ESCAPE in PERMISSIVE, which proves that it is real.
   */
  permissiveEscapes?: boolean;
  /**
   * Attacks this environment cannot mount at all (by name), with the error it gives instead, e.g.
   * an image without tkinter. In PERMISSIVE such an attack must fail with exactly that error, so
   * the exception is proven, not assumed; SAFE must still contain it.
   */
  permissiveUnavailable?: Readonly<Record<string, RegExp>>;
  /**
   * Whether an unguarded run ends with a normal interpreter exit (atexit handlers, finalisers and
   * threads run): true for one process per run, false for warm workers that never exit normally.
   * Attacks that act at exit must escape in PERMISSIVE only when it is true.
   */
  interpreterExits?: boolean;
  /** Per-run wall-clock limit. */
  timeoutMs?: number;
}

/**
 * SAFE mode judged by effect: every attack in SAFE leaves the canary folder, the listener and the
 * victim untouched; every attack in PERMISSIVE has its effect; every ordinary program prints the
 * expected output in both modes.
 */
export function describeSafeModeSuite(
  name: string,
  createRunner: (context: SafeModeSuiteContext) => Runner | Promise<Runner>,
  options: SafeModeSuiteOptions,
): void {
  const timeoutMs = options.timeoutMs ?? 20_000;
  describe(`SAFE mode by effect: ${name}`, () => {
    let root = '';
    let runner: Runner;
    let sandboxCount = 0;

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'executer-safe-suite-'));
      for (const [path, content] of Object.entries(ordinaryFixtureFiles)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), content);
      }
      runner = await createRunner({ workingDirectory: root });
    });

    afterAll(async () => {
      await runner?.dispose();
      if (root) await rm(root, { recursive: true, force: true });
    });

    const runAttack = async (
      attack: SecurityAttack,
      guard: RuntimeGuard | null,
    ): Promise<{ escaped: boolean; outcome: RunOutcome }> => {
      sandboxCount += 1;
      const sandbox = await AttackSandbox.create(
        join(root, 'sandboxes', String(sandboxCount)),
        attack.effect,
      );
      try {
        const outcome = await runner.run({
          code: sandbox.prelude() + attack.code,
          language: 'python',
          timeoutMs,
          guard,
        });
        return { escaped: await sandbox.escaped(), outcome };
      } finally {
        await sandbox.dispose();
      }
    };

    const describeOutcome = (outcome: RunOutcome) =>
      `status ${outcome.status}, exit ${outcome.exitCode}\nstdout: ${outcome.stdout.slice(-400)}\nstderr: ${outcome.stderr.slice(-1200)}`;

    describe('SAFE contains every attack', () => {
      for (const attack of attackPrograms) {
        it.concurrent(`${attack.category}: ${attack.name}`, async () => {
          const { escaped, outcome } = await runAttack(attack, options.guard);
          expect(escaped, `the attack had its effect under the guard (${describeOutcome(outcome)})`).toBe(
            false,
          );
        });
      }
    });

    if (options.permissiveEscapes ?? true) {
      describe('PERMISSIVE lets every attack through (the attacks are real)', () => {
        const exits = options.interpreterExits ?? true;
        for (const attack of attackPrograms.filter((candidate) => exits || !candidate.atExit)) {
          const unavailable = options.permissiveUnavailable?.[attack.name];
          it.concurrent(`${attack.category}: ${attack.name}`, async () => {
            const { escaped, outcome } = await runAttack(attack, null);
            if (unavailable) {
              expect(escaped).toBe(false);
              expect(outcome.stderr, 'the environment was expected to lack what the attack needs').toMatch(
                unavailable,
              );
              return;
            }
            expect(escaped, `the attack had no effect without the guard (${describeOutcome(outcome)})`).toBe(
              true,
            );
          });
        }
      });
    }

    for (const [mode, guarded] of [
      ['SAFE', true],
      ['PERMISSIVE', false],
    ] as const) {
      describe(`ordinary programs run correctly in ${mode}`, () => {
        for (const program of ordinaryPrograms) {
          it.concurrent(program.name, async () => {
            const outcome = await runner.run({
              code: program.code,
              language: 'python',
              timeoutMs,
              guard: guarded ? options.guard : null,
            });
            expect(outcome.status, describeOutcome(outcome)).toBe('success');
            expect(outcome.violations).toEqual([]);
            expect(outcome.stdout).toBe(program.stdout);
          });
        }
      });
    }
  });
}
