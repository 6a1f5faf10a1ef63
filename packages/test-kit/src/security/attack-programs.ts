import type { SecurityAttack } from './security-attack.js';

const attack = (
  name: string,
  category: SecurityAttack['category'],
  effect: SecurityAttack['effect'],
  code: string,
  atExit = false,
): SecurityAttack => ({ name, category, effect, code: code.replace(/^\n/, ''), atExit });

const touchCommand = `"touch " + MARKER`;

/** Attack programs, each observed by its effect. Obfuscation is the point: pattern lists miss them. */
export const attackPrograms: readonly SecurityAttack[] = [
  // --- file writes -------------------------------------------------------------------------------
  attack('open for writing', 'file-write', 'files', `open(CANARY, "w").write("pwned")`),
  attack('open for appending', 'file-write', 'files', `open(CANARY, "a").write("pwned")`),
  attack('open r+ and write', 'file-write', 'files', `f = open(CANARY, "r+"); f.write("pwned"); f.close()`),
  attack('open exclusive create', 'file-write', 'files', `open(MARKER, "x").close()`),
  attack('mode built from chr', 'file-write', 'files', `open(CANARY, mode=chr(119)).write("pwned")`),
  attack(
    'open fetched with getattr on builtins',
    'file-write',
    'files',
    `
import builtins
opener = getattr(builtins, "".join(["o", "p", "e", "n"]))
opener(CANARY, "w"[::-1]).write("pwned")`,
  ),
  attack(
    'pathlib write_text',
    'file-write',
    'files',
    `import pathlib; pathlib.Path(CANARY).write_text("pwned")`,
  ),
  attack('pathlib touch', 'file-write', 'files', `import pathlib; pathlib.Path(MARKER).touch()`),
  attack(
    'os.open with O_WRONLY|O_TRUNC',
    'file-write',
    'files',
    `
import os
fd = os.open(CANARY, os.O_WRONLY | os.O_TRUNC)
os.write(fd, b"pwned")`,
  ),
  attack(
    'os.open with O_CREAT only',
    'file-write',
    'files',
    `import os; os.close(os.open(MARKER, os.O_RDONLY | os.O_CREAT))`,
  ),
  attack('io.FileIO append', 'file-write', 'files', `import io; io.FileIO(CANARY, "a").write(b"pwned")`),
  attack(
    'codecs.open',
    'file-write',
    'files',
    `import codecs; codecs.open(CANARY, "w", "utf-8").write("pwned")`,
  ),
  attack(
    'shutil.copyfile over the canary',
    'file-write',
    'files',
    `import shutil; shutil.copyfile("/etc/hostname", CANARY)`,
  ),
  attack(
    'logging.FileHandler',
    'file-write',
    'files',
    `
import logging
logging.basicConfig(filename=MARKER)
logging.warning("pwned")`,
  ),
  attack(
    'tempfile in the sandbox',
    'file-write',
    'files',
    `import tempfile; tempfile.NamedTemporaryFile(dir=SANDBOX, delete=False).write(b"x")`,
  ),
  attack(
    'zipfile creates an archive',
    'file-write',
    'files',
    `import zipfile; zipfile.ZipFile(MARKER, "w").writestr("a", "b")`,
  ),
  attack(
    'sqlite3 creates a database',
    'file-write',
    'files',
    `
import sqlite3
connection = sqlite3.connect(MARKER)
connection.execute("create table t (a)")
connection.commit()`,
  ),
  attack(
    'sqlite3 ATTACH from an in-memory database',
    'file-write',
    'files',
    `
import sqlite3
connection = sqlite3.connect(":memory:")
connection.execute("attach database '" + MARKER + "' as other")
connection.execute("create table other.t (a)")
connection.commit()`,
  ),
  attack(
    'mmap write through r+b',
    'file-write',
    'files',
    `
import mmap
f = open(CANARY, "r+b")
m = mmap.mmap(f.fileno(), 0)
m[0:1] = b"X"
m.flush()`,
  ),
  attack(
    'readline history file',
    'file-write',
    'files',
    `import readline; readline.write_history_file(MARKER)`,
  ),
  // --- deletes, renames, metadata ------------------------------------------------------------------
  attack('os.remove', 'file-delete', 'files', `import os; os.remove(CANARY)`),
  attack(
    'unlink with a computed name',
    'file-delete',
    'files',
    `import os; getattr(os, "un" + "link")(CANARY)`,
  ),
  attack('pathlib unlink', 'file-delete', 'files', `import pathlib; pathlib.Path(CANARY).unlink()`),
  attack('shutil.rmtree', 'file-delete', 'files', `import shutil; shutil.rmtree(SANDBOX + "/sub")`),
  attack('os.rmdir', 'file-delete', 'files', `import os; os.rmdir(SANDBOX + "/empty")`),
  attack('os.rename', 'file-delete', 'files', `import os; os.rename(CANARY, CANARY + ".moved")`),
  attack('os.replace', 'file-delete', 'files', `import os; os.replace(CANARY, MARKER)`),
  attack('shutil.move', 'file-delete', 'files', `import shutil; shutil.move(CANARY, MARKER)`),
  attack('os.chmod', 'file-write', 'files', `import os; os.chmod(CANARY, 0o777)`),
  attack('os.utime', 'file-write', 'files', `import os; os.utime(CANARY, (0, 0))`),
  attack('os.truncate', 'file-write', 'files', `import os; os.truncate(CANARY, 0)`),
  attack('os.link', 'file-write', 'files', `import os; os.link(CANARY, MARKER)`),
  attack('os.symlink', 'file-write', 'files', `import os; os.symlink(CANARY, MARKER)`),
  attack('os.mkdir', 'file-write', 'files', `import os; os.makedirs(MARKER + "/deep")`),
  attack('os.mkfifo (no audit event)', 'file-write', 'files', `import os; os.mkfifo(MARKER)`),
  attack(
    'os.mknod (no audit event)',
    'file-write',
    'files',
    `import os, stat; os.mknod(MARKER, stat.S_IFREG | 0o600)`,
  ),
  // --- network -----------------------------------------------------------------------------------
  attack(
    'socket.create_connection',
    'network',
    'network',
    `import socket; socket.create_connection(("127.0.0.1", PORT)).close()`,
  ),
  attack(
    'socket imported by a built name',
    'network',
    'network',
    `
s = __import__("so" + "cket")
connection = s.socket(s.AF_INET, s.SOCK_STREAM)
connection.connect(("127.0.0.1", PORT))`,
  ),
  attack(
    '_socket directly',
    'network',
    'network',
    `
import _socket
connection = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
connection.connect(("127.0.0.1", PORT))`,
  ),
  attack(
    'importlib.import_module("socket")',
    'network',
    'network',
    `
import importlib
s = importlib.import_module("socket")
s.create_connection(("127.0.0.1", PORT))`,
  ),
  attack(
    'urllib.request.urlopen',
    'network',
    'network',
    `
import urllib.request
try:
    urllib.request.urlopen("http://127.0.0.1:%d/" % PORT, timeout=2)
except Exception as error:
    if isinstance(error, PermissionError): raise`,
  ),
  attack(
    'http.client',
    'network',
    'network',
    `
import http.client
connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
connection.connect()`,
  ),
  attack(
    'asyncio.open_connection',
    'network',
    'network',
    `
import asyncio
async def main():
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    writer.close()
asyncio.run(main())`,
  ),
  // --- system commands ---------------------------------------------------------------------------
  attack('os.system', 'system-command', 'files', `import os; os.system(${touchCommand})`),
  attack(
    'os.system through __import__ and chr',
    'system-command',
    'files',
    `
name = "".join(map(chr, [111, 115]))
getattr(__import__(name), "".join(map(chr, [115, 121, 115, 116, 101, 109])))(${touchCommand})`,
  ),
  attack(
    'subprocess.run',
    'system-command',
    'files',
    `import subprocess; subprocess.run(["touch", MARKER], check=True)`,
  ),
  attack(
    'subprocess.Popen with a shell',
    'system-command',
    'files',
    `import subprocess; subprocess.Popen(${touchCommand}, shell=True).wait()`,
  ),
  attack('os.popen', 'system-command', 'files', `import os; os.popen(${touchCommand}).read()`),
  attack(
    'os.execv',
    'system-command',
    'files',
    `
import os
# Keeps the runner's pipes open across exec, so the runner waits for the command to finish.
for fd in range(3, 64):
    try:
        os.set_inheritable(fd, True)
    except OSError:
        pass
os.execv("/bin/sh", ["sh", "-c", ${touchCommand}])`,
  ),
  attack(
    'os.posix_spawn',
    'system-command',
    'files',
    `
import os, shutil
pid = os.posix_spawn(shutil.which("touch"), ["touch", MARKER], dict(os.environ))
os.waitpid(pid, 0)`,
  ),
  attack(
    'os.spawnv',
    'system-command',
    'files',
    `import os, shutil; os.spawnv(os.P_WAIT, shutil.which("touch"), ["touch", MARKER])`,
  ),
  attack('pty.spawn', 'system-command', 'files', `import pty; pty.spawn(["touch", MARKER])`),
  attack(
    'asyncio subprocess',
    'system-command',
    'files',
    `
import asyncio
async def main():
    process = await asyncio.create_subprocess_exec("touch", MARKER)
    await process.wait()
asyncio.run(main())`,
  ),
  attack(
    'Popen found by an __subclasses__ walk after muting sys.audit',
    'system-command',
    'files',
    `
import sys, asyncio
sys.audit = lambda *args: None
popen = [c for c in object.__subclasses__() if c.__name__ == "Popen"][0]
popen(["touch", MARKER]).wait()`,
  ),
  attack(
    'os.system through os._wrap_close.__init__.__globals__',
    'system-command',
    'files',
    `
wrap = [c for c in ().__class__.__base__.__subclasses__() if c.__name__ == "_wrap_close"][0]
wrap.__init__.__globals__["sys" + "tem"](${touchCommand})`,
  ),
  attack(
    'os reached through a stdlib function __globals__',
    'system-command',
    'files',
    `
import shutil
shutil.copy.__globals__["os"].system(${touchCommand})`,
  ),
  attack(
    'builtins dict __import__',
    'system-command',
    'files',
    `
import builtins
builtins.__dict__["__imp" + "ort__"]("os").system(${touchCommand})`,
  ),
  attack(
    'operator.methodcaller on os',
    'system-command',
    'files',
    `
import operator, os
operator.methodcaller("system", ${touchCommand})(os)`,
  ),
  // --- processes and signals ---------------------------------------------------------------------
  attack(
    'os.fork child writes',
    'process',
    'files',
    `
import os
pid = os.fork()
if pid == 0:
    open(MARKER, "w").close()
    os._exit(0)
os.waitpid(pid, 0)`,
  ),
  attack(
    'os.forkpty child writes',
    'process',
    'files',
    `
import os
pid, fd = os.forkpty()
if pid == 0:
    open(MARKER, "w").close()
    os._exit(0)
os.waitpid(pid, 0)`,
  ),
  attack(
    'multiprocessing.Process',
    'process',
    'files',
    `
import multiprocessing
process = multiprocessing.get_context("fork").Process(target=lambda: open(MARKER, "w").close())
process.start()
process.join()`,
  ),
  attack(
    'ProcessPoolExecutor',
    'process',
    'files',
    `
import concurrent.futures, multiprocessing, os
with concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
    pool.submit(os.mkdir, MARKER).result()`,
  ),
  attack('os.kill the victim', 'signal', 'victim', `import os; os.kill(VICTIM, 9)`),
  attack(
    'kill with a computed name',
    'signal',
    'victim',
    `import os, signal; getattr(os, "k" + "ill")(VICTIM, signal.SIGTERM)`,
  ),
  attack('os.killpg the victim group', 'signal', 'victim', `import os; os.killpg(VICTIM, 9)`),
  attack(
    'pidfd_send_signal (no audit event)',
    'signal',
    'victim',
    `
import os, signal
signal.pidfd_send_signal(os.pidfd_open(VICTIM), signal.SIGKILL)`,
  ),
  // --- native code ------------------------------------------------------------------------------
  attack(
    'ctypes libc system',
    'native-code',
    'files',
    `
import ctypes
ctypes.CDLL(None).system((${touchCommand}).encode())`,
  ),
  attack(
    'ctypes through importlib',
    'native-code',
    'files',
    `
import importlib
ctypes = importlib.import_module("ct" + "ypes")
ctypes.CDLL("libc.so.6").system((${touchCommand}).encode())`,
  ),
  attack(
    'tkinter Tcl exec',
    'native-code',
    'files',
    `
import tkinter
tkinter.Tcl().eval("exec touch " + MARKER)`,
  ),
  attack(
    'sub-interpreter without hooks',
    'native-code',
    'files',
    `
import _xxsubinterpreters as interpreters
interpreter = interpreters.create()
interpreters.run_string(interpreter, "open(%r, 'w').close()" % MARKER)`,
  ),
  // --- dynamic code -------------------------------------------------------------------------------
  attack(
    'exec of a base64 payload',
    'dynamic-code',
    'files',
    `
import base64
payload = base64.b64encode(("open(%r, 'w').write('pwned')" % CANARY).encode())
exec(base64.b64decode(payload))`,
  ),
  attack(
    'eval of a rot13 payload',
    'dynamic-code',
    'files',
    `
import codecs
eval(codecs.decode("__vzcbeg__('bf').flfgrz", "rot13"))(${touchCommand})`,
  ),
  attack(
    'exec fetched from the builtins dict',
    'dynamic-code',
    'files',
    `
import builtins
vars(builtins)["ex" + "ec"]("import os; os.system(%r)" % (${touchCommand}))`,
  ),
  attack(
    'FunctionType over compiled code',
    'dynamic-code',
    'files',
    `
import types
code = compile("open(%r, 'w').close()" % MARKER, "x", "exec")
types.FunctionType(code, {"__builtins__": __builtins__})()`,
  ),
  attack(
    'exec laundered through a thread target',
    'dynamic-code',
    'files',
    `
import threading
thread = threading.Thread(target=exec, args=("open(%r, 'w').close()" % MARKER,))
thread.start()
thread.join()
import os
assert os.path.exists(MARKER) or True`,
  ),
  attack(
    'timeit runs a string',
    'dynamic-code',
    'files',
    `import timeit; timeit.timeit("open(%r, 'w').close()" % MARKER, number=1)`,
  ),
  attack(
    'pickle __reduce__ calls os.system',
    'dynamic-code',
    'files',
    `
import pickle, os
class Payload:
    def __reduce__(self):
        return (os.system, (${touchCommand},))
pickle.loads(pickle.dumps(Payload()))`,
  ),
  attack(
    'code.InteractiveInterpreter runsource',
    'dynamic-code',
    'files',
    `
import code
code.InteractiveInterpreter().runsource("open(%r, 'w').close()" % MARKER)`,
  ),
  attack(
    'typing.ForwardRef evaluates a string',
    'dynamic-code',
    'files',
    `
import typing
typing.ForwardRef("__import__('os').system(%r)" % (${touchCommand}))._evaluate(globals(), None, frozenset())`,
  ),
  attack(
    'exec called by map',
    'dynamic-code',
    'files',
    `list(map(exec, ["open(%r, 'w').close()" % MARKER]))`,
  ),
  attack(
    'marshal of a code object',
    'dynamic-code',
    'files',
    `
import marshal
blob = marshal.dumps(compile("open(%r, 'w').close()" % MARKER, "x", "exec"))
exec(marshal.loads(blob))`,
  ),
  // --- guard bypass --------------------------------------------------------------------------------
  attack(
    'gc finds the hook and empties its defaults',
    'guard-bypass',
    'files',
    `
import gc
try:
    for thing in gc.get_objects():
        if callable(thing) and getattr(thing, "__name__", "") == "hook":
            thing.__defaults__ = tuple(frozenset() if isinstance(v, frozenset) else v for v in thing.__defaults__)
except Exception:
    pass
open(CANARY, "w").write("pwned")`,
  ),
  attack(
    'traceback frames reach the guard locals',
    'guard-bypass',
    'files',
    `
try:
    open(CANARY, "w")
except Exception as error:
    tb = error.__traceback__
    while tb is not None:
        try:
            frame_locals = tb.tb_frame.f_locals
            for key in list(frame_locals):
                value = frame_locals[key]
                if isinstance(value, (set, list, dict)):
                    value.clear()
            refuse = frame_locals.get("_refuse")
            if refuse is not None:
                refuse.__defaults__ = None
        except Exception:
            pass
        tb = tb.tb_next
open(CANARY, "w").write("pwned")`,
  ),
  attack(
    'sys.settrace rewrites hook locals',
    'guard-bypass',
    'files',
    `
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name == "hook":
        frame.f_locals["event"] = "time.sleep"
    return tracer
try:
    sys.settrace(tracer)
except Exception:
    pass
open(CANARY, "w").write("pwned")`,
  ),
  attack(
    'atexit handler writes after the run',
    'guard-bypass',
    'files',
    `
import atexit
atexit.register(lambda: open(CANARY, "w").write("pwned"))`,
    true,
  ),
  attack(
    'finaliser kept in sys.modules runs at shutdown',
    'guard-bypass',
    'files',
    `
import sys, os
class Late:
    def __del__(self, system=os.system, command=${touchCommand}):
        system(command)
sys.modules["late_finaliser"] = Late()`,
    true,
  ),
  attack(
    'non-daemon thread writes later',
    'guard-bypass',
    'files',
    `
import threading, time
def later():
    time.sleep(0.2)
    open(CANARY, "w").write("pwned")
threading.Thread(target=later).start()`,
    true,
  ),
  attack(
    'fresh posix from _imp.create_builtin',
    'guard-bypass',
    'files',
    `
import _imp, importlib.machinery
posix = _imp.create_builtin(importlib.machinery.ModuleSpec("posix", None))
posix.mkfifo(MARKER)`,
  ),
  attack(
    'original mkfifo from os.supports_dir_fd',
    'guard-bypass',
    'files',
    `
import os
for function in list(os.supports_dir_fd) + list(os.supports_fd) + list(os.supports_follow_symlinks):
    if getattr(function, "__name__", "") == "mkfifo":
        try:
            function(MARKER)
            break
        except Exception:
            pass
os.mkfifo(MARKER)`,
  ),
  attack(
    'BuiltinImporter reloads posix',
    'guard-bypass',
    'files',
    `
import sys
importer = [c for c in object.__subclasses__() if c.__name__ == "BuiltinImporter"][0]
del sys.modules["posix"]
posix = importer.load_module("posix")
posix.mkfifo(MARKER)`,
  ),
  attack(
    'sys.audit and builtins monkeypatched',
    'guard-bypass',
    'files',
    `
import sys, builtins, shutil
sys.audit = lambda *args: None
builtins.PermissionError = type("Nothing", (Exception,), {})
builtins.isinstance = lambda *args: False
shutil.rmtree(SANDBOX + "/sub")`,
  ),
  attack(
    '/proc/self/mem opened for writing',
    'guard-bypass',
    'files',
    `
try:
    open("/proc/self/mem", "r+b").close()
except OSError as error:
    if isinstance(error, PermissionError):
        raise
open(CANARY, "w").write("pwned")`,
  ),
  attack(
    'signal handler frame tampering',
    'guard-bypass',
    'files',
    `
import signal
def handler(number, frame):
    while frame is not None:
        try:
            frame.f_locals.clear()
        except Exception:
            pass
        frame = frame.f_back
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.0001, 0.0001)
for _ in range(200):
    try:
        open(CANARY, "a").write("x")
        break
    except PermissionError:
        pass
signal.setitimer(signal.ITIMER_REAL, 0)`,
  ),
  attack(
    'importlib.reload(os) then system',
    'guard-bypass',
    'files',
    `
import importlib, os
importlib.reload(os).system(${touchCommand})`,
  ),
];
