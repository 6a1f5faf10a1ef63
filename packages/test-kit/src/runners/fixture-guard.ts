import { fileURLToPath } from 'node:url';
import type { RuntimeGuard } from '@executer/core';

/** Absolute path of the fixture guard (refuses opening files for writing; src/ and dist/ alike). */
export const fixtureGuardPath: string = fileURLToPath(
  new URL('../../assets/fixture-guard.py', import.meta.url),
);

/** The fixture guard as a job's RuntimeGuard. */
export function fixtureGuard(modulePath = fixtureGuardPath): RuntimeGuard {
  return { language: 'python', name: 'conformance-fixture', modulePath, settings: { rule: 'file-write' } };
}
