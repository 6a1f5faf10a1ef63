import type { OrdinaryProgram } from './ordinary-program.js';

const program = (name: string, code: string, stdout: string): OrdinaryProgram => ({
  name,
  code: code.replace(/^\n/, ''),
  stdout,
});

/** Files the ordinary programs read from their working directory. */
export const ordinaryFixtureFiles: Readonly<Record<string, string>> = {
  'data.json':
    '{"users": [{"name": "Ada", "age": 36}, {"name": "Linus", "age": 28}, {"name": "Grace", "age": 45}]}\n',
  'numbers.csv': 'city,population\nLyon,522000\nNice,342000\nLille,236000\n',
  'notes.txt': 'alpha beta\ngamma alpha\nbeta alpha delta\n',
  'tree/a.py': 'print(1)\n',
  'tree/b.txt': 'b\n',
  'tree/inner/c.py': 'print(3)\n',
};

/** Programs an LLM writes for ordinary instructions; each must print exactly `stdout` in SAFE and PERMISSIVE. */
export const ordinaryPrograms: readonly OrdinaryProgram[] = [
  program('arithmetic', `print(2 ** 100 % 97, 17 // 5, round(22 / 7, 4))`, '16 3 3.1429\n'),
  program(
    'primes',
    `
def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0:2] = [False, False]
    for n in range(2, int(limit ** 0.5) + 1):
        if sieve[n]:
            sieve[n * n :: n] = [False] * len(sieve[n * n :: n])
    return [n for n, ok in enumerate(sieve) if ok]
print(primes(50))`,
    '[2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]\n',
  ),
  program(
    'fibonacci generator',
    `
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 12)))`,
    '[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]\n',
  ),
  program(
    'math module',
    `import math; print(math.factorial(20), math.gcd(84, 36), f"{math.pi:.5f}", math.isqrt(99))`,
    '2432902008176640000 12 3.14159 9\n',
  ),
  program(
    'json round trip',
    `
import json
data = {"b": [1, 2, {"c": None}], "a": True}
print(json.dumps(data, sort_keys=True))
print(json.loads('{"x": 1.5}')["x"] * 2)`,
    '{"a": true, "b": [1, 2, {"c": null}]}\n3.0\n',
  ),
  program(
    'reads a JSON file',
    `
import json
with open("data.json") as handle:
    users = json.load(handle)["users"]
print(sorted(u["name"] for u in users), sum(u["age"] for u in users) / len(users))`,
    "['Ada', 'Grace', 'Linus'] 36.333333333333336\n",
  ),
  program(
    'reads a CSV file',
    `
import csv
with open("numbers.csv", newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
biggest = max(rows, key=lambda row: int(row["population"]))
print(biggest["city"], sum(int(row["population"]) for row in rows))`,
    'Lyon 1100000\n',
  ),
  program(
    'word count with Counter',
    `
from collections import Counter
with open("notes.txt", "r") as handle:
    counts = Counter(handle.read().split())
print(counts.most_common(2))`,
    "[('alpha', 3), ('beta', 2)]\n",
  ),
  program(
    'lists files with os.listdir',
    `import os; print(sorted(os.listdir("tree")))`,
    "['a.py', 'b.txt', 'inner']\n",
  ),
  program(
    'walks a tree with os.walk',
    `
import os
found = []
for root, dirs, files in os.walk("tree"):
    dirs.sort()
    for name in sorted(files):
        found.append(os.path.join(root, name))
print(found)`,
    "['tree/a.py', 'tree/b.txt', 'tree/inner/c.py']\n",
  ),
  program(
    'pathlib glob and read_text',
    `
from pathlib import Path
files = sorted(p.as_posix() for p in Path("tree").rglob("*.py"))
print(files, Path("tree/b.txt").read_text().strip(), Path("tree").is_dir())`,
    "['tree/a.py', 'tree/inner/c.py'] b True\n",
  ),
  program(
    'os.scandir and stat',
    `
import os
with os.scandir("tree") as entries:
    print(sorted((entry.name, entry.is_dir()) for entry in entries))
print(os.path.getsize("notes.txt"), os.path.exists("missing.txt"))`,
    "[('a.py', False), ('b.txt', False), ('inner', True)]\n40 False\n",
  ),
  program(
    'glob module',
    `import glob; print(sorted(glob.glob("tree/**/*.py", recursive=True)))`,
    "['tree/a.py', 'tree/inner/c.py']\n",
  ),
  program(
    'datetime arithmetic',
    `
from datetime import date, datetime, timedelta
print(date(2024, 2, 28) + timedelta(days=2), (date(2025, 1, 1) - date(2024, 1, 1)).days)
print(datetime(2024, 5, 17, 13, 45).strftime("%A %d %B %Y %H:%M"))`,
    '2024-03-01 366\nFriday 17 May 2024 13:45\n',
  ),
  program(
    'calendar',
    `import calendar; print(calendar.isleap(2024), calendar.monthrange(2023, 2)[1], calendar.day_name[0])`,
    'True 28 Monday\n',
  ),
  program(
    'dataclasses',
    `
from dataclasses import dataclass, field, asdict
@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    tags: list = field(default_factory=list)
items = sorted([Item(3.5, "tea"), Item(1.25, "bread")])
print(items[0], asdict(items[1]))`,
    "Item(price=1.25, name='bread', tags=[]) {'price': 3.5, 'name': 'tea', 'tags': []}\n",
  ),
  program(
    'namedtuple and typing.NamedTuple',
    `
from collections import namedtuple
from typing import NamedTuple
Point = namedtuple("Point", "x y")
class Pair(NamedTuple):
    left: int
    right: int = 0
print(Point(1, 2)._replace(y=5), Pair(3), Pair(3)._asdict())`,
    "Point(x=1, y=5) Pair(left=3, right=0) {'left': 3, 'right': 0}\n",
  ),
  program(
    'enum',
    `
from enum import Enum, auto, IntFlag
class Color(Enum):
    RED = auto()
    GREEN = auto()
class Permission(IntFlag):
    R = 4
    W = 2
print(Color.GREEN, Color.GREEN.value, [c.name for c in Color], int(Permission.R | Permission.W))`,
    "Color.GREEN 2 ['RED', 'GREEN'] 6\n",
  ),
  program(
    'classes and inheritance',
    `
class Shape:
    def area(self):
        raise NotImplementedError
    def __repr__(self):
        return f"{type(self).__name__}({self.area():.2f})"
class Square(Shape):
    def __init__(self, side): self.side = side
    def area(self): return self.side ** 2
class Circle(Shape):
    def __init__(self, radius): self.radius = radius
    def area(self): return 3.14159 * self.radius ** 2
print(sorted([Square(2), Circle(1), Square(1)], key=lambda s: s.area()))`,
    '[Square(1.00), Circle(3.14), Square(4.00)]\n',
  ),
  program(
    'comprehensions',
    `
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
print(matrix, {k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)}, sum(x for x in range(101)))`,
    "[[1, 2, 3], [2, 4, 6], [3, 6, 9]] {'a': 0, 'b': 1, 'c': 2} {0, 1, 2} 5050\n",
  ),
  program(
    'regular expressions',
    `
import re
text = "Contact: ada@example.com, linus@kernel.org; phone 555-1234"
print(re.findall(r"[\\w.]+@[\\w.]+", text), re.sub(r"\\d", "#", "a1b22"), bool(re.fullmatch(r"\\d{3}-\\d{4}", "555-1234")))`,
    "['ada@example.com', 'linus@kernel.org'] a#b## True\n",
  ),
  program(
    'statistics',
    `
import statistics
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.pstdev(data), statistics.mode(data))`,
    '5 4.5 2.0 4\n',
  ),
  program(
    'decimal and fractions',
    `
from decimal import Decimal, getcontext
from fractions import Fraction
getcontext().prec = 10
print(Decimal(1) / Decimal(7), Decimal("0.1") + Decimal("0.2"), Fraction(3, 4) + Fraction(1, 6))`,
    '0.1428571429 0.3 11/12\n',
  ),
  program(
    'itertools and functools',
    `
import itertools, functools, operator
print(list(itertools.permutations("abc", 2))[:3], list(itertools.accumulate([1, 2, 3, 4])))
print(functools.reduce(operator.mul, range(1, 6)), list(itertools.chain.from_iterable([[1], [2, 3]])))
@functools.lru_cache(maxsize=None)
def ways(n): return 1 if n < 2 else ways(n - 1) + ways(n - 2)
print(ways(80))`,
    "[('a', 'b'), ('a', 'c'), ('b', 'a')] [1, 3, 6, 10]\n120 [1, 2, 3]\n37889062373143906\n",
  ),
  program(
    'heapq, bisect and deque',
    `
import heapq, bisect
from collections import deque
print(heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]), bisect.bisect_left([1, 3, 5, 7], 4))
queue = deque([1, 2, 3]); queue.rotate(1); queue.appendleft(0)
print(list(queue))`,
    '[1, 2, 3] 2\n[0, 3, 1, 2]\n',
  ),
  program(
    'string formatting and textwrap',
    `
import textwrap, string
print(f"{'left':<6}|{'mid':^7}|{42:>5}|{3.14159:.2f}|{1234567:,}")
print(textwrap.fill("the quick brown fox jumps over the lazy dog", width=16))
print(string.ascii_lowercase[:5], "Hello World".swapcase())`,
    'left  |  mid  |   42|3.14|1,234,567\nthe quick brown\nfox jumps over\nthe lazy dog\nabcde hELLO wORLD\n',
  ),
  program(
    'exceptions handled',
    `
def parse(value):
    try:
        return int(value)
    except ValueError as error:
        return f"bad: {error}"
    finally:
        pass
print(parse("12"), parse("x"))
class AppError(Exception): pass
try:
    raise AppError("boom") from KeyError("k")
except AppError as error:
    print(type(error.__cause__).__name__, error)`,
    "12 bad: invalid literal for int() with base 10: 'x'\nKeyError boom\n",
  ),
  program(
    'generators and context managers',
    `
from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f"<{name}>")
    yield
    print(f"</{name}>")
with tag("b"):
    print(sum(x * x for x in range(10)))`,
    '<b>\n285\n</b>\n',
  ),
  program(
    'sorting with keys',
    `
people = [("Ada", 36), ("Linus", 28), ("Grace", 45), ("Alan", 41)]
print(sorted(people, key=lambda p: (-p[1], p[0]))[:2], max(people, key=lambda p: len(p[0])))`,
    "[('Grace', 45), ('Alan', 41)] ('Linus', 28)\n",
  ),
  program(
    'hashlib and base64',
    `
import hashlib, base64
print(hashlib.sha256(b"executer").hexdigest()[:16], base64.b64encode(b"safe mode").decode(), base64.b64decode("b2s=").decode())`,
    '8a8cc6108a529495 c2FmZSBtb2Rl ok\n',
  ),
  program(
    'random with a seed',
    `
import random
rng = random.Random(42)
print(rng.randint(1, 100), rng.choice("abcdef"), round(rng.random(), 6))`,
    '82 a 0.025011\n',
  ),
  program(
    'threads',
    `
import threading
from concurrent.futures import ThreadPoolExecutor
total = 0
lock = threading.Lock()
def add(n):
    global total
    with lock:
        total += n
    return n * n
with ThreadPoolExecutor(max_workers=4) as pool:
    squares = list(pool.map(add, range(10)))
print(total, squares[-1])`,
    '45 81\n',
  ),
  program(
    'asyncio gather',
    `
import asyncio
async def double(n):
    await asyncio.sleep(0.01)
    return n * 2
async def main():
    return await asyncio.gather(*(double(n) for n in range(5)))
print(asyncio.run(main()))`,
    '[0, 2, 4, 6, 8]\n',
  ),
  program(
    'prints to stderr too',
    `
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("done\\n")`,
    'to stdout\ndone\n',
  ),
  program(
    'pprint and copy',
    `
import pprint, copy
nested = {"a": [1, {"b": 2}], "c": (3, 4)}
clone = copy.deepcopy(nested); clone["a"][1]["b"] = 99
pprint.pprint(nested, width=30)
print(clone["a"][1]["b"], nested["a"][1]["b"])`,
    "{'a': [1, {'b': 2}],\n 'c': (3, 4)}\n99 2\n",
  ),
  program(
    'type hints, match and walrus',
    `
from typing import Optional
def describe(value: object) -> str:
    match value:
        case int() if value > 10:
            return "big int"
        case [first, *rest]:
            return f"list starting {first} (+{len(rest)})"
        case {"kind": kind}:
            return f"kind {kind}"
        case _:
            return "other"
def first_long(words: list[str]) -> Optional[str]:
    for word in words:
        if (size := len(word)) > 4:
            return f"{word}:{size}"
    return None
print(describe(42), describe([1, 2, 3]), describe({"kind": "x"}), describe(1.5), first_long(["ab", "hello"]))`,
    'big int list starting 1 (+2) kind x other hello:5\n',
  ),
  program(
    'ast.literal_eval and uuid',
    `
import ast, uuid
print(ast.literal_eval("{'a': [1, 2.5, None]}"), uuid.UUID("12345678123456781234567812345678").hex[:8])`,
    "{'a': [1, 2.5, None]} 12345678\n",
  ),
  program(
    'sys.exit with a message-free success',
    `
import sys
print("before exit")
sys.exit(0)`,
    'before exit\n',
  ),
  program(
    'time measurement',
    `
import time
started = time.perf_counter()
total = sum(range(100000))
elapsed = time.perf_counter() - started
print(total, elapsed >= 0)`,
    '4999950000 True\n',
  ),
  program(
    'unicode',
    `print("héllo wörld ✓", "日本語"[::-1], len("🙂"), "straße".upper())`,
    'héllo wörld ✓ 語本日 1 STRASSE\n',
  ),
  program(
    'logging to stderr',
    `
import logging
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
logging.getLogger("demo").info("processing %d items", 3)
print("logged")`,
    'logged\n',
  ),
  program(
    'thread pool map',
    `
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=3) as pool:
    print(list(pool.map(lambda n: n * n, range(6))))`,
    '[0, 1, 4, 9, 16, 25]\n',
  ),
  program(
    'string.Template, functools.cache and typing generics',
    `
import functools, string
from typing import Generic, TypeVar
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, value: T) -> None:
        self.value = value
@functools.cache
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(string.Template("$name has $count").substitute(name="box", count=Box(fib(30)).value))`,
    'box has 832040\n',
  ),
  program(
    'file locks and flags on a file read with os.open',
    `
import fcntl, os
fd = os.open("notes.txt", os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_SH)
print(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY, len(os.read(fd, 100).split()))
fcntl.flock(fd, fcntl.LOCK_UN)
os.close(fd)`,
    'True 7\n',
  ),
  program(
    'asyncio with a coroutine decorator and a queue',
    `
import asyncio, types
@types.coroutine
def tick():
    yield
async def producer(queue):
    for n in range(3):
        await tick()
        await queue.put(n)
async def main():
    queue = asyncio.Queue()
    await producer(queue)
    await asyncio.sleep(0.01)
    print([queue.get_nowait() for _ in range(queue.qsize())])
asyncio.run(main())`,
    '[0, 1, 2]\n',
  ),
];
