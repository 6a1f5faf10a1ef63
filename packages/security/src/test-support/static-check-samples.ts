/**
 * The programs the static check's tests share with the differential test
 * (python-static-check.differential.test.ts), which runs the lezer oracle over them too.
 */

export const validModernPython = String.raw`
from __future__ import annotations
import asyncio
from dataclasses import dataclass
from typing import Generic, TypeVar, Callable
T = TypeVar("T")

@buttons[0].clicked.connect
def handler(): pass

@dataclass(frozen=True)
class Box(Generic[T]):
    value: T
    def map(self, f: Callable[[T], T]) -> "Box[T]":
        return Box(f(self.value))

def describe(x: object) -> str:
    match x:
        case {"kind": "point", "x": int(px), **rest}:
            return f"point {px} {rest}"
        case [1, 2, *others] if len(others) > 1:
            return "list"
        case str() as s:
            return s
        case _:
            return "?"

if (n := len("abc")) > 2:
    print(n)
name = "x"
print(f"{name!r} {f'{name:{n}}'} {n=} {{literal}} {x!s:{'>'}{10}}", rf"\d{name}")
lam = lambda *a, b=1, **k: (a, b, k)
def pos(a, b, /, c, *, d): return a
async def main():
    async with asyncio.timeout(1):
        async for x in agen():
            await asyncio.sleep(0)
    return [x async for x in agen()]
async def agen():
    yield 1
try:
    pass
except* ValueError as group:
    pass
with (open("a") as f, open("b") as g):
    pass
match = 1
case = 2
x: list[int] | None = None
total = 1 + \
    2
print(1_000_000, 0x_ff, 1e-3, 3j, "it's", 'say "hi"', """multi
line 'quoted' "text" """, b"\x00", ...)
type Alias = list[int]
def generic[U](value: U) -> U: return value
class G[V]: pass
# a comment with an unbalanced ( bracket and a ' quote
`;

/** [name, code, the rule it must raise]. */
export const flaggedSamples: readonly (readonly [string, string, string])[] = [
  ['open for writing', 'open("out.txt", "w").write("x")', 'file-write'],
  ['open with a keyword mode', 'open("out.txt", mode="a+")', 'file-write'],
  ['Path.open for writing', 'from pathlib import Path\nPath("x").open("wb")', 'file-write'],
  ['Path.write_text', 'from pathlib import Path\nPath("x").write_text("y")', 'file-write'],
  ['os.open with write flags', 'import os\nos.open("x", os.O_WRONLY | os.O_CREAT)', 'file-write'],
  ['an aliased import', 'import os as o\no.remove("x")', 'file-delete'],
  ['a from-import', 'from shutil import rmtree as wipe\nwipe("x")', 'file-delete'],
  ['subprocess', 'import subprocess\nsubprocess.run(["ls"])', 'system-command'],
  ['socket', 'import socket', 'network'],
  ['urllib.request', 'from urllib.request import urlopen', 'network'],
  ['eval', 'eval("1 + 1")', 'dynamic-code'],
  ['exec through builtins', 'import builtins\nbuiltins.exec("x")', 'dynamic-code'],
  ['compile', 'compile("x", "f", "exec")', 'dynamic-code'],
  ['pickle.loads', 'import pickle\npickle.loads(b"")', 'dynamic-code'],
  ['breakpoint', 'breakpoint()', 'dynamic-code'],
  ['importlib', 'import importlib', 'module-manipulation'],
  ['runpy', 'import runpy', 'module-manipulation'],
  ['ctypes', 'from ctypes import CDLL', 'native-code'],
  ['cffi', 'import cffi', 'native-code'],
  ['os.fork', 'import os\nos.fork()', 'process'],
  ['multiprocessing', 'from multiprocessing import Pool', 'process'],
  ['os.kill', 'import os\nos.kill(1, 9)', 'process'],
  ['__subclasses__ walk', '[c for c in ().__class__.__base__.__subclasses__()]', 'introspection'],
  ['function __globals__', 'f.__globals__["os"]', 'introspection'],
  ['frames', 'import sys\nsys._getframe().f_back.f_globals', 'introspection'],
  ['generator frames', 'g.gi_frame.f_locals', 'introspection'],
  ['getattr with a dunder string', 'getattr(f, "__globals__")', 'introspection'],
  ['getattr with a computed name on a module', 'import os\ngetattr(os, "sys" + "tem")', 'introspection'],
  ['setattr on a module', 'import sys\nsetattr(sys, "audit", print)', 'module-manipulation'],
  ['monkeypatching a module', 'import builtins\nbuiltins.open = print', 'module-manipulation'],
  ['gc.get_objects', 'import gc\ngc.get_objects()', 'introspection'],
];

/** [name, code] of programs that must pass clean. */
export const allowedSamples: readonly (readonly [string, string])[] = [
  ['open for reading', 'print(open("data.txt").read())'],
  ['open with "r"', 'with open("data.txt", "r", encoding="utf-8") as f:\n    print(f.read())'],
  ['binary read', 'open("data.bin", "rb").read()'],
  [
    'os.listdir and os.walk',
    'import os\nprint(os.listdir("."))\nfor root, dirs, files in os.walk("."):\n    pass',
  ],
  ['pathlib reads', 'from pathlib import Path\nprint(Path("x").read_text(), list(Path(".").glob("*.py")))'],
  ['str.replace and dict methods', 'print("a-b".replace("-", "+"), {}.get("k"), "x".join([]))'],
  [
    'getattr with a literal on an object',
    'class A:\n    size = 1\nprint(getattr(A(), "size"), getattr(A(), name, None))',
  ],
  ['sys.stdout.write', 'import sys\nsys.stdout.write("hi\\n")'],
];

/** [name, code, where] of certain syntax errors. */
export const syntaxErrorSamples: readonly (readonly [string, string, { line: number; column: number }])[] = [
  ['an unclosed parenthesis', 'print(1,\nx = 2\n', { line: 1, column: 6 }],
  ['an unterminated string', 'x = 1\nprint("hello)\n', { line: 2, column: 7 }],
  ['an unterminated triple-quoted string', 'x = """abc\n\n', { line: 1, column: 5 }],
  ['a mismatched bracket', 'items = [1, 2)\n', { line: 1, column: 14 }],
  ['an unmatched closing bracket', 'x = 1)\n', { line: 1, column: 6 }],
];

/** The 1,000-line program of bench/security.bench.js ("static check, 1,000 lines"), built the same way. */
export function benchmarkProgram(): string {
  const block = `
import json, math
from pathlib import Path
from dataclasses import dataclass

@dataclass
class Item:
    name: str
    price: float

def load(path):
    with open(path, "r", encoding="utf-8") as handle:
        return [Item(**row) for row in json.load(handle)]

def summary(items):
    total = sum(item.price for item in items)
    return {"count": len(items), "total": round(total, 2), "root": math.sqrt(total)}

for entry in sorted(Path(".").glob("*.json")):
    print(entry.name, summary(load(entry)))
`;
  const lines = block.split('\n');
  return Array.from({ length: Math.ceil(1000 / lines.length) }, () => block)
    .join('\n')
    .split('\n')
    .slice(0, 1000)
    .join('\n');
}
