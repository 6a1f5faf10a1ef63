import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPython } from './python-static-check.js';
import { checkPythonWithLezer } from './test-support/lezer-static-check.js';

/**
 * The differential test at scale: every module of the Python standard library (about 800 files, every
 * construct the language has, and thousands of the very names the check forbids) through the
 * tokenizer-based check and the lezer oracle, which must agree on every violation.
 */
describe('checkPython against the lezer oracle, over the standard library', () => {
  it('agrees on every standard-library module', () => {
    const standardLibrary = execFileSync(
      'python3',
      ['-c', 'import sysconfig; print(sysconfig.get_path("stdlib"))'],
      {
        encoding: 'utf8',
      },
    ).trim();
    const files = (readdirSync(standardLibrary, { recursive: true }) as string[])
      .filter((path) => path.endsWith('.py') && !path.includes('site-packages'))
      .sort();
    expect(files.length).toBeGreaterThan(500);
    const disagreements: string[] = [];
    let violations = 0;
    for (const path of files) {
      const code = readFileSync(join(standardLibrary, path), 'utf8');
      const expected = checkPythonWithLezer(code);
      violations += expected.violations.length;
      if (JSON.stringify(checkPython(code)) !== JSON.stringify(expected)) disagreements.push(path);
    }
    expect(disagreements).toEqual([]);
    expect(violations).toBeGreaterThan(1000);
  });
});
