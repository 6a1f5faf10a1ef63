import { attackPrograms, ordinaryPrograms } from '@executer/test-kit/security';
import { describe, expect, it } from 'vitest';
import { checkPython } from './python-static-check.js';
import { PythonTokenKind } from './python-token.js';
import { tokenizePython } from './python-tokens.js';
import {
  allowedSamples,
  benchmarkProgram,
  flaggedSamples,
  syntaxErrorSamples,
  validModernPython,
} from './test-support/static-check-samples.js';
import { trickyPrograms } from './test-support/tricky-programs.js';

describe('checkPython', () => {
  it('finds nothing in the ordinary programs an LLM writes', () => {
    for (const program of ordinaryPrograms) {
      expect(checkPython(program.code), program.name).toEqual({ violations: [] });
    }
  });

  it('flags the large majority of the attack corpus statically (the runtime guard stops the rest)', () => {
    const missed = attackPrograms
      .filter((attack) => checkPython(attack.code).violations.length === 0)
      .map((attack) => attack.name);
    expect(missed.length, missed.join(', ')).toBeLessThanOrEqual(attackPrograms.length * 0.05);
  });

  it('reports a violation with line, column, rule and an actionable message', () => {
    const result = checkPython('import json\n\nos_module = __import__("os")\nimport os\nos.system("ls")\n');
    const system = result.violations.find((violation) => violation.message.startsWith('`os.system`'));
    expect(system).toEqual({
      rule: 'system-command',
      message:
        '`os.system` runs a shell command, which SAFE mode forbids; compute the result in Python instead',
      line: 5,
      column: 1,
      source: 'static',
    });
    expect(
      result.violations.some((violation) => violation.rule === 'module-manipulation' && violation.line === 3),
    ).toBe(true);
  });

  it.each(flaggedSamples)('flags %s', (_name, code, rule) => {
    const result = checkPython(code);
    expect(result.syntaxError).toBeUndefined();
    expect(result.violations.map((violation) => violation.rule)).toContain(rule);
  });

  it.each(allowedSamples)('allows %s', (_name, code) => {
    expect(checkPython(code)).toEqual({ violations: [] });
  });

  it('does not call valid modern Python a syntax error', () => {
    expect(checkPython(validModernPython).syntaxError).toBeUndefined();
  });

  it.each(syntaxErrorSamples)('reports %s as a syntax error with its position', (_name, code, where) => {
    const result = checkPython(code);
    expect(result.violations).toEqual([]);
    expect(result.syntaxError).toMatchObject(where);
    expect(result.syntaxError?.message).toBeTruthy();
  });

  // Speed is measured in bench/security.bench.js (target 5 ms for 1,000 lines), not here.
  it('finds nothing in the benchmark 1,000-line program', () => {
    const program = benchmarkProgram();
    expect(program.split('\n')).toHaveLength(1000);
    expect(checkPython(program)).toEqual({ violations: [] });
  });

  it('takes module names that no import bound for ordinary variables', () => {
    const code = [
      'codes = {"FR": "France", "JP": "Japan"}',
      'for code, name in codes.items():',
      '    print(code.lower(), name)',
      'sh = commands = imp = 1',
      'print(sh + commands + imp)',
    ].join('\n');
    expect(checkPython(code).violations).toEqual([]);
    expect(findings('import code\ncode.interact()')).toEqual(['1:8 module-manipulation import code']);
    expect(findings('x = eval("1")').some((finding) => finding.includes('eval'))).toBe(true);
  });

  it('reads os.open by its flags, not its path as a mode', () => {
    expect(checkPython('import os\nfd = os.open("data.txt", os.O_RDONLY)\nos.close(fd)').violations).toEqual(
      [],
    );
    expect(findings('import os\nos.open("data.txt", os.O_WRONLY | os.O_CREAT)')).toEqual([
      '2:1 file-write os.open',
    ]);
  });
});

/** Each violation as `line:column rule subject` (the subject is the back-quoted head of the message). */
function findings(code: string): string[] {
  const result = checkPython(code);
  expect(result.syntaxError).toBeUndefined();
  return result.violations.map(
    (violation) =>
      `${violation.line}:${violation.column} ${violation.rule} ${/^`([^`]*)`/.exec(violation.message)?.[1]}`,
  );
}

describe('checkPython, rule by rule', () => {
  describe('imports', () => {
    it('reports a forbidden module at its name, a from-import at `from`, and a forbidden member at the member', () => {
      expect(
        findings('import json, socket\nfrom subprocess import run\nfrom os import system, path'),
      ).toEqual([
        '1:14 network import socket',
        '2:1 system-command import subprocess',
        '2:24 system-command subprocess.run',
        '3:16 system-command os.system',
      ]);
    });

    it('refuses a submodule of a forbidden package and a forbidden submodule of an allowed one', () => {
      expect(
        findings('import importlib.util as iu\nimport http.client\nfrom concurrent.futures import process'),
      ).toEqual([
        '1:8 module-manipulation import importlib.util',
        '2:8 network import http.client',
        '3:32 process concurrent.futures.process',
      ]);
    });

    it('reads relative imports and leaves them alone', () => {
      expect(findings('from . import helpers\nfrom ..pkg import socket\nfrom .x import *')).toEqual([]);
    });

    it('resolves aliases wherever they are used, even before the import; a from-import is reported once', () => {
      expect(
        findings('o.system("early")\nimport os as o\nfrom shutil import rmtree as wipe\nwipe("x")'),
      ).toEqual(['1:1 system-command os.system', '3:20 file-delete shutil.rmtree']);
    });

    it('maps `import a.b as c` to a.b, and `import a.b` to a', () => {
      expect(findings('import os.path as p\np.join("a")\nimport os.path\nos.system("x")')).toEqual([
        '4:1 system-command os.system',
      ]);
    });

    it('finds imports after a compound statement header and after `;`', () => {
      expect(findings("if x: import os; os.system('a')\nelse: import subprocess")).toEqual([
        '1:18 system-command os.system',
        '2:14 system-command import subprocess',
      ]);
    });
  });

  describe('names', () => {
    it('reports forbidden builtins and dunders wherever a name is read or bound', () => {
      expect(findings('x = eval\ndef f(code=compile): pass\nprint(__builtins__, breakpoint)')).toEqual([
        '1:5 dynamic-code eval',
        '2:12 dynamic-code compile',
        '3:7 introspection __builtins__',
        '3:21 dynamic-code breakpoint',
      ]);
    });

    it('leaves a name alone when an import bound it', () => {
      expect(findings('from mylib import compile\ncompile("x")')).toEqual([]);
    });

    it('compares names as Python does, after NFKC normalisation', () => {
      expect(findings('ｅｖａｌ("1 + 1")')).toEqual(['1:1 dynamic-code eval']);
    });

    it('does not read names in strings or comments', () => {
      expect(findings('x = "os.system(1); eval"  # eval(x); import socket\n')).toEqual([]);
    });
  });

  describe('attribute chains', () => {
    it('reports dunder and frame attributes at the attribute', () => {
      expect(findings('().__class__.__base__.__subclasses__()\nf.__globals__\ng.gi_frame.f_back')).toEqual([
        '1:14 introspection .__base__',
        '1:23 introspection .__subclasses__',
        '2:3 introspection .__globals__',
        '3:3 introspection .gi_frame',
        '3:12 introspection .f_back',
      ]);
    });

    it('reports `.__dict__` of a module only', () => {
      expect(findings('import os\nos.__dict__\nobj.__dict__\n__builtins__.__dict__')).toEqual([
        '2:4 introspection .__dict__',
        '4:1 introspection __builtins__',
        '4:14 introspection .__dict__',
      ]);
    });

    it('qualifies a chain through its aliases, across lines inside brackets and continuations', () => {
      expect(findings('import os as o\nx = (o\n    .system)\no \\\n  .popen("ls")')).toEqual([
        '2:6 system-command os.system',
        '4:1 system-command os.popen',
      ]);
    });

    it('gives a chain broken by a call or subscript no qualified name', () => {
      expect(findings('import os\nos.path.join("a").system\nos.environ["x"].system\nos.sep.system')).toEqual(
        [],
      );
    });

    it('reports an assignment to a module attribute at a statement start', () => {
      expect(
        findings(
          'import sys, builtins\nsys.audit = print\nif x: builtins.open = None\nsys.audit == print\nsys.x += 1\ny = sys.z = 1',
        ),
      ).toEqual([
        '2:1 introspection sys.audit',
        '2:1 module-manipulation sys.audit = ...',
        '3:7 module-manipulation builtins.open = ...',
        '4:1 introspection sys.audit',
      ]);
    });
  });

  describe('calls', () => {
    it('reports open-like calls with a write mode, positional or keyword', () => {
      expect(
        findings(
          'open("a", "w")\nopen("a", mode="a+")\nprint(open("a", "rb"))\nimport io\nio.open("a", "x")',
        ),
      ).toEqual([
        '1:1 file-write open(..., "w")',
        '2:1 file-write open(..., "a+")',
        '5:1 file-write io.open(..., "x")',
      ]);
    });

    it('takes only a single plain string literal as the mode', () => {
      expect(
        findings('open("a", "w" "b")\nopen("a", ("w"))\nopen("a", f"w")\nopen("a", m)\nopen("a", b"w")'),
      ).toEqual(['5:1 file-write open(..., "w")']);
    });

    it('reads the mode of a `.open()` method from its first argument', () => {
      expect(findings('from pathlib import Path\nPath("x").open("w")\nPath("x").open()')).toEqual([
        '2:1 file-write .open(..., "w")',
      ]);
    });

    it('treats zipfile and tarfile modes by their own letters', () => {
      expect(
        findings(
          'import zipfile, tarfile\nzipfile.ZipFile("z", "r+")\nzipfile.ZipFile("z", "a")\ntarfile.open("t", "w:gz")',
        ),
      ).toEqual(['3:1 file-write zipfile.ZipFile(..., "a")', '4:1 file-write tarfile.open(..., "w:gz")']);
    });

    // The path is "f": the check also takes `os.open(...)` for an `.open()` method call and reads its first
    // argument as a mode, so a path with w, a, x or + in it is flagged too (as the lezer checker did).
    it('reports os.open with write flags only', () => {
      expect(
        findings(
          'import os\nos.open("f", os.O_RDONLY)\nos.open("f", os.O_WRONLY | os.O_CREAT)\nos.open("f", flags=os.O_APPEND)',
        ),
      ).toEqual(['3:1 file-write os.open', '4:1 file-write os.open']);
    });

    it('checks getattr, setattr and delattr with literal and computed names', () => {
      expect(
        findings(
          'import os, sys\ngetattr(os, "system")\ngetattr(os, "sys" + "tem")\ngetattr(obj, name)\nsetattr(sys, "x", 1)\ndelattr(sys, "audit")',
        ),
      ).toEqual([
        '2:1 system-command os.system',
        '3:1 introspection getattr(os, ...)',
        '5:1 module-manipulation setattr(sys, ...)',
        '6:1 introspection sys.audit',
        '6:1 module-manipulation delattr(sys, ...)',
      ]);
    });

    it('reports vars() of a module and logging to a file', () => {
      expect(
        findings(
          'import sys, logging\nvars(sys)\nvars(obj)\nlogging.basicConfig(filename="x.log")\nlogging.basicConfig(level=10)',
        ),
      ).toEqual(['2:1 introspection vars(sys)', '4:1 file-write logging.basicConfig(filename=...)']);
    });

    it('reports file-changing methods at the method name, whatever the object', () => {
      expect(findings('p.write_text("x")\nq.unlink()\nr.touch\n')).toEqual([
        '1:3 file-write .write_text()',
        '2:3 file-delete .unlink()',
      ]);
    });

    it('sees calls inside arguments, comprehensions, lambdas and multi-line calls', () => {
      expect(
        findings(
          'print(sorted(open(p, "w") for p in ps))\nf(key=lambda v: exec(v))\nx = g(\n    eval(\n        "1"))',
        ),
      ).toEqual(['1:14 file-write open(..., "w")', '2:17 dynamic-code exec', '4:5 dynamic-code eval']);
    });

    it('does not take a definition or a decorator for a call', () => {
      expect(
        findings('def open(path, mode="w"): pass\nclass vars(sys): pass\n@open("x", "w")\ndef f(): pass'),
      ).toEqual([]);
    });
  });

  describe('strings', () => {
    it('reports a dunder named by a plain string, not by an f-string', () => {
      expect(findings('getattr(f, "__globals__")\nx = b"__code__"\ny = f"__mro__"')).toEqual([
        '1:12 introspection __globals__',
        '2:5 introspection __code__',
      ]);
    });

    it('checks the expressions inside f-string replacement fields', () => {
      expect(findings(`f"{__import__('os').system('x')}"\nf"{x:{eval}}"\nf"{f.__globals__!r}"`)).toEqual([
        '1:4 module-manipulation __import__',
        '2:7 dynamic-code eval',
        '3:6 introspection .__globals__',
      ]);
    });
  });

  describe('the report', () => {
    it('keeps one violation per line, rule and subject, sorted by line and column', () => {
      expect(findings('eval(eval)\nimport os; os.system("a"); os.system("b")\nexec("x")')).toEqual([
        '1:1 dynamic-code eval',
        '2:12 system-command os.system',
        '3:1 dynamic-code exec',
      ]);
    });

    it('counts columns from 1 in UTF-16 units', () => {
      expect(findings('s = "é"; eval("1")')).toEqual(['1:10 dynamic-code eval']);
    });
  });
});

describe('checkPython on mangled programs', () => {
  // A model can send anything: programs cut, spliced and sprinkled with brackets, quotes, prefixes and
  // continuations must still be checked (or called a syntax error) without a throw or an endless loop.
  it('never throws, and the tokens stay well-formed', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const sources = [...trickyPrograms, ...attackPrograms.map((attack) => attack.code)];
    const pieces = [
      '(',
      ')',
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      'f"',
      '"""',
      '\\',
      '\n',
      '\r',
      ':',
      '.',
      ',',
      '=',
      '#',
    ];
    pieces.push(
      '!',
      '@',
      'import ',
      'from ',
      'os',
      'eval',
      'case ',
      'match ',
      'lambda',
      ';',
      'def ',
      'é',
      '𝔘',
      'rb"',
    );
    let checked = 0;
    for (let round = 0; round < 3000; round++) {
      let code = pick(sources);
      for (let edit = 1 + Math.floor(random() * 4); edit > 0; edit--) {
        const at = Math.floor(random() * (code.length + 1));
        code =
          random() < 0.5
            ? code.slice(0, at) + pick(pieces) + code.slice(at)
            : code.slice(0, at) + code.slice(at + 1 + Math.floor(random() * 3));
      }
      const tokens = tokenizePython(code);
      expect(tokens.at(-1)?.kind).toBe(PythonTokenKind.End);
      for (const [index, current] of tokens.entries()) {
        expect(
          current.partner < tokens.length && current.end >= current.start,
          `${JSON.stringify(code)} @${index}`,
        ).toBe(true);
      }
      const result = checkPython(code);
      if (result.syntaxError === undefined) checked += 1;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
