import { readFileSync } from 'node:fs';
import { attackPrograms, ordinaryPrograms } from '@executer/test-kit/security';
import { describe, expect, it } from 'vitest';
import { checkPython } from './python-static-check.js';
import { checkPythonWithLezer } from './test-support/lezer-static-check.js';
import {
  allowedSamples,
  benchmarkProgram,
  flaggedSamples,
  syntaxErrorSamples,
  validModernPython,
} from './test-support/static-check-samples.js';
import { trickyPrograms } from './test-support/tricky-programs.js';

// The Python files the repository ships: real programs with imports, frames, getattr and open().
const shippedPython = [
  '../assets/guard.py',
  '../../python-runtime/assets/harness.py',
  '../../test-kit/assets/fixture-guard.py',
].map((path) => [`shipped: ${path.slice(3)}`, readFileSync(new URL(path, import.meta.url), 'utf8')] as const);

const corpus: (readonly [string, string])[] = [
  ...attackPrograms.map((attack) => [`attack: ${attack.name}`, attack.code] as const),
  ...ordinaryPrograms.map((program) => [`ordinary: ${program.name}`, program.code] as const),
  ...flaggedSamples.map(([name, code]) => [`flagged sample: ${name}`, code] as const),
  ...allowedSamples.map(([name, code]) => [`allowed sample: ${name}`, code] as const),
  ...syntaxErrorSamples.map(([name, code]) => [`syntax error sample: ${name}`, code] as const),
  ['valid modern Python', validModernPython],
  ['the benchmark program', benchmarkProgram()],
  ['security-policies test', 'import os\nos.system("ls")'],
  ['reported-position test', 'import json\n\nos_module = __import__("os")\nimport os\nos.system("ls")\n'],
  ...trickyPrograms.map(
    (code, index) => [`tricky ${index}: ${JSON.stringify(code).slice(1, 50)}`, code] as const,
  ),
  ...shippedPython,
];

/**
 * The tokenizer-based check against the lezer-based one it replaced (kept as an oracle in
 * test-support/, with its one fix: the base of an attribute chain is checked, see there). Both must
 * report the same violations, positions and messages, and the same syntax errors.
 */
describe('checkPython against the lezer oracle', () => {
  it.each(corpus)('agrees on %s', (_name, code) => {
    expect(checkPython(code)).toEqual(checkPythonWithLezer(code));
  });

  it('compares programs that raise violations of every rule', () => {
    const rules = new Set(
      corpus.flatMap(([, code]) => checkPythonWithLezer(code).violations.map((violation) => violation.rule)),
    );
    expect([...rules].sort()).toEqual([
      'dynamic-code',
      'file-delete',
      'file-write',
      'introspection',
      'module-manipulation',
      'native-code',
      'network',
      'process',
      'system-command',
    ]);
  });

  // Where the tokens know better than lezer's tree, and why.
  it.each([
    [
      // Python compares identifiers after NFKC normalisation (PEP 3131), so `ｅｖａｌ` runs eval;
      // lezer keeps the name as written and no rule matches it.
      'a name in compatibility characters',
      'ｅｖａｌ("1 + 1")\nｏｓ = 1',
      [],
      [{ rule: 'dynamic-code', line: 1, column: 1 }],
    ],
  ])('differs on %s', (_name, code, lezer, tokens) => {
    expect(checkPythonWithLezer(code).violations).toEqual(lezer);
    expect(checkPython(code).violations).toMatchObject(tokens);
  });
});
