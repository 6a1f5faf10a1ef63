import type { SecurityAttack } from './security-attack.js';

const attack = (
  name: string,
  category: SecurityAttack['category'],
  effect: SecurityAttack['effect'],
  code: string,
  atExit = false,
): SecurityAttack => ({ name, category, effect, code: code.replace(/^\n/, ''), atExit });

const touchCommand = `"touch " + MARKER`;

/**
 * A tiny x86-64 Linux shared library, zlib-compressed and base64-encoded. Its constructor creates the
 * file whose path descriptor 200 holds (so it needs no environment), i.e. this C, built with
 * `gcc -shared -fPIC -Os -s -Wl,--build-id=none`:
 *   __attribute__((constructor)) static void run(void) {
 *     char path[4096]; ssize_t length = pread(200, path, sizeof path - 1, 0);
 *     if (length > 0) { path[length] = 0; close(open(path, O_WRONLY | O_CREAT, 0644)); }
 *   }
 * Attacks write it into a memfd: native code loaded from bytes the program wrote, no file created.
 */
const markerLibrary =
  'eNrtW19MHEUYn73jz2Lx7tQ2RaiyIRCLlS2H0lQb/pUKW6UJUjAx1CwLt8edOe4ud0sLBCsNaSJpmvDQB+OTD33x1SdDUj2kIhof8K1PSmJIjqSplxgN+sA5czvfsTPelmpsfJlfMvvb75vvN/92du/mbvaD1wf6PJKEAF7UifYthLopB4JO32kk42MNOlqILUPu+KiMZRSwiejKHTbP1yWWnbpCUQr1c3wbsezUVeCUa7HtXAfLrR6bT3tYnYfqZNW25U6WMxLLMpUPbluhh7WzEbEMw/MW1lWgRwcM2xCtz61/AQ/LMKySI6F/WK9Swj+G09Ml/JJL/KhL/IiL/yWXcvpwaijVUF2fnErE9bRlpCxdR/r54Qt6yEyZk9G0ZaaGL/TGEnFz2BiPmXZe6Rx9YsbQw9G4EYvOmSiZMo0QSiTNOJqIJdImikXHJ9R0Qj2F+gfOn+3V29Q2tb3Qa08h2Ud7HCQUdly36dpoFZllScReL5hHyads3uX9UEAn62+l8TXdrB/sjS6bK7hrvunwex3+ew6/c15uOfyV6O8PjEp67wBkh9/5vAg4/OVIQEBAQEBAQEBAQOBxQlu8L2s3yr8+iU+vZyxPflNbvCuvFfPz7d/hrHzT9/jor+/GZ8SOkKydrTxG01fEJkuJnc2CvUJs8tV/J1Ow57AdXobyLga/Xcn7Efpyg1R+7T5ZCGlLP2tLP2ZXcTRuw9X69bIy7Ptp5TYuNZj5ogdHZm/hzKVvsu+TmGt3iWp0jbRHu9nxDmn7zfIhQq/uWkdwdx6odneq8lv++gVS7xplHN9ciG9vINS8py3ltNUHXdrqrleT1rUf9qzDuIA7tAA5vxX215/b1//qf/7PhY5t8mvA9IkRbbHjY3KqLW1b1dqNjnVsZKtwG7MhfFgvFCO9i7WMfucKzoSxZ0ZbQEBAQEBAQEBAQEBAQODxQKrzniH/QZP//JRcPt+NeQwzWeEnMS/QuMMQPzeEpJmAVFddKS9L9v/Xx3C694utRb5An6/mDf+hK/IC6qo98+LLjQ2gx8tolMNxsqN+or1EFvjYP0AcPb7Aoueib1m57Av0+GRxhQQEBAQEBAQEBAQEBP4dYD8p7B+F/aKwFzRMuRoENO5Jas7T+GepDftV69hwVAv6zv11HgEs6H7byycKJ3STKOz93KI27DVVqP0E1E/5EOUayrBnNUv3pcLeU41bv8Je1aOUB8tY/7KXbWeGchVX317ebn+SxuepDeOYo/Ylmv8Htcv+p+sO+9V5nKIXrI/y25Rhv3B/b+9ryvFz5njUiCtBsq+5tSX4yomQOR5smw42UxdCajqStlKWMY7Uyfi0GjHSEaSGZuPp2SmbrZSdc9lMpaOJOGPoOC9lxgwSSM+SMQup0XgUH/GpOpnAJ5Y5g49h7EWqGdHDKWPK1COh1L5lS3QjlTJm7Ug4xyUbU9EJREqyCw8ZloHU8XQaqROJqSkzbv0X40zm5e/4Whf3PntYPsa5+R84jtAyPNz8B8445rvk0MO8fI7mebj7CXie//2Hs5voXAY9zF/gQOluFbmN3htgw/0BrLi0H9BD7xEPdz8CZ1zGD/r/JtWf5e5vYM2hf6aEfgTtvyvCdDjAPjcA/P08yOmVAMvdXDz/+ssopx8LsMyPl8xxiNPDcx64SipdP+A9Tg/Pe+CqA/qfpPri/FdYbjxAf5XTH1dYnnfpP+BDnHyOz4PiezAtpfvLj98tnPwOPXx+IfXRxv8TxL5DUXxfiOrhPSEvp4N26bT/kA/va2ycZIfTrf5POT18HmapvvUA/WecHj4Halof3n/A59QHeoXqFRc9//y5Q318O0H/goveyd4Sz+V+ql8/oP6/AExUmas=';

/** Python lines putting the library in a memfd (LIBRARY is its /proc path) and MARKER's path on fd 200. */
const libraryInMemory = `
import os, zlib, base64
library = os.memfd_create("library", 0)
os.write(library, zlib.decompress(base64.b64decode("${markerLibrary}")))
note = os.memfd_create("note", 0)
os.write(note, MARKER.encode())
os.dup2(note, 200)
LIBRARY = "/proc/%d/fd/%d" % (os.getpid(), library)`;

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
  // --- added by the SAFE-mode red team ------------------------------------------------------------
  attack(
    "open(fd, 'w') over /proc/self/fd of a read-only fd",
    'file-write',
    'files',
    `
import os
fd = os.open(CANARY, os.O_RDONLY)
open("/proc/self/fd/%d" % fd, "w").write("pwned")`,
  ),
  attack('io.FileIO exclusive create', 'file-write', 'files', `import io; io.FileIO(MARKER, "x").close()`),
  attack(
    'sys.stdout replaced by a file',
    'file-write',
    'files',
    `
import sys
sys.stdout = open(CANARY, "w")
print("pwned")
sys.stdout.flush()`,
  ),
  attack(
    'print(file=open(...))',
    'file-write',
    'files',
    `print("pwned", file=open(CANARY, "a"), flush=True)`,
  ),
  attack(
    'os.chdir then a relative write',
    'file-write',
    'files',
    `
import os
os.chdir(SANDBOX)
open("marker", "w").close()`,
  ),
  attack(
    'os.ftruncate on an O_RDWR fd',
    'file-write',
    'files',
    `
import os
fd = os.open(CANARY, os.O_RDWR)
os.ftruncate(fd, 0)`,
  ),
  attack(
    'os.posix_fallocate on a dup2-ed fd',
    'file-write',
    'files',
    `
import os
fd = os.open(CANARY, os.O_RDWR)
os.dup2(fd, 50)
os.posix_fallocate(50, 0, 65536)`,
  ),
  attack(
    'tarfile extractall of an in-memory archive',
    'file-write',
    'files',
    `
import io, tarfile
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w") as archive:
    data = b"pwned"
    info = tarfile.TarInfo("marker")
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))
buffer.seek(0)
tarfile.open(fileobj=buffer).extractall(SANDBOX)`,
  ),
  attack(
    'zipfile extractall of an in-memory archive',
    'file-write',
    'files',
    `
import io, zipfile
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    archive.writestr("marker", "pwned")
zipfile.ZipFile(buffer).extractall(SANDBOX)`,
  ),
  attack(
    'shutil.copytree',
    'file-write',
    'files',
    `import shutil; shutil.copytree(SANDBOX + "/sub", MARKER)`,
  ),
  attack(
    'shutil.make_archive',
    'file-write',
    'files',
    `import shutil; shutil.make_archive(MARKER, "zip", SANDBOX + "/sub")`,
  ),
  attack(
    'sqlite3 VACUUM INTO from memory',
    'file-write',
    'files',
    `
import sqlite3
connection = sqlite3.connect(":memory:")
connection.execute("create table t (a)")
connection.execute("vacuum into '" + MARKER + "'")`,
  ),
  attack(
    'dbm.dumb creates files',
    'file-write',
    'files',
    `
import dbm.dumb
database = dbm.dumb.open(MARKER, "c")
database[b"k"] = b"v"
database.close()`,
  ),
  attack(
    'shelve creates a database',
    'file-write',
    'files',
    `
import shelve
with shelve.open(MARKER) as database:
    database["k"] = "v"`,
  ),
  attack(
    'mailbox.Maildir creates folders',
    'file-write',
    'files',
    `import mailbox; mailbox.Maildir(MARKER, create=True)`,
  ),
  attack(
    'faulthandler dumps into a file',
    'file-write',
    'files',
    `
import faulthandler
faulthandler.dump_traceback(file=open(MARKER, "w"))`,
  ),
  attack(
    'pathlib rename, symlink_to and hardlink_to',
    'file-delete',
    'files',
    `
import pathlib
for step in (lambda: pathlib.Path(MARKER).symlink_to(CANARY),
             lambda: pathlib.Path(MARKER + "2").hardlink_to(CANARY),
             lambda: pathlib.Path(CANARY).rename(MARKER + "3")):
    try:
        step()
    except PermissionError:
        pass`,
  ),
  attack('pathlib mkdir', 'file-write', 'files', `import pathlib; pathlib.Path(MARKER).mkdir()`),
  attack(
    "socket reached through asyncio's module globals",
    'network',
    'network',
    `
import asyncio.base_events
asyncio.base_events.socket.create_connection(("127.0.0.1", PORT)).close()`,
  ),
  attack(
    'asyncio loop.create_connection',
    'network',
    'network',
    `
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", PORT)
    transport.close()
asyncio.run(main())`,
  ),
  attack(
    'xmlrpc.client ServerProxy',
    'network',
    'network',
    `
import xmlrpc.client
try:
    xmlrpc.client.ServerProxy("http://127.0.0.1:%d/" % PORT).ping()
except Exception as error:
    if isinstance(error, PermissionError): raise`,
  ),
  attack(
    'smtplib connects',
    'network',
    'network',
    `
import smtplib
try:
    smtplib.SMTP("127.0.0.1", PORT, timeout=2)
except Exception as error:
    if isinstance(error, PermissionError): raise`,
  ),
  attack(
    "subprocess reached through asyncio's module globals",
    'system-command',
    'files',
    `
import asyncio.base_subprocess
asyncio.base_subprocess.subprocess.run(["touch", MARKER])`,
  ),
  attack(
    '_posixsubprocess recreated by its own loader',
    'system-command',
    'files',
    `
import sys, os
spec = __import__("_posix" + "subprocess").__spec__
module = spec.loader.create_module(spec)
error_read, error_write = os.pipe()
pid = module.fork_exec(["touch", MARKER], [os.fsencode(__import__("shutil").which("touch"))], True, (), None, None, -1, -1, -1, -1, -1, -1,
                       error_read, error_write, False, False, -1, None, None, None, -1, None, False)
os.waitpid(pid, 0)`,
  ),
  attack(
    'os.register_at_fork child hook',
    'process',
    'files',
    `
import os
os.register_at_fork(after_in_child=lambda: (open(MARKER, "w").close(), os._exit(0)))
pid = os.fork()
if pid:
    os.waitpid(pid, 0)`,
  ),
  attack(
    'multiprocessing spawn context',
    'process',
    'files',
    `
import multiprocessing, os
if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    process = context.Process(target=os.mkdir, args=(MARKER,))
    process.start()
    process.join()`,
  ),
  attack(
    'fcntl F_SETOWN makes the kernel send SIGIO',
    'signal',
    'victim',
    `
import os, fcntl
read_end, write_end = os.pipe()
fcntl.fcntl(read_end, fcntl.F_SETOWN, VICTIM)
fcntl.fcntl(read_end, fcntl.F_SETFL, os.O_ASYNC | os.O_NONBLOCK)
os.write(write_end, b"x")`,
  ),
  attack(
    'fcntl F_SETSIG SIGKILL to the victim group',
    'signal',
    'victim',
    `
import os, fcntl
read_end, write_end = os.pipe()
fcntl.fcntl(read_end, getattr(fcntl, "F_SETSIG", 10), 9)
fcntl.fcntl(read_end, fcntl.F_SETOWN, -VICTIM)
fcntl.fcntl(read_end, fcntl.F_SETFL, os.O_ASYNC)
os.write(write_end, b"x")`,
  ),
  attack('os.kill with a negative (group) pid', 'signal', 'victim', `import os; os.kill(-VICTIM, 9)`),
  attack(
    'readline recreated by ExtensionFileLoader',
    'native-code',
    'files',
    `
import sys, glob
external = sys.modules["_frozen_importlib_external"]
path = glob.glob(sys.base_prefix + "/lib/python3*/lib-dynload/readline*.so")[0]
loader = external.ExtensionFileLoader("readline", path)
module = loader.create_module(sys.modules["_frozen_importlib"].ModuleSpec("readline", loader, origin=path))
module.write_history_file(MARKER)`,
  ),
  attack(
    'ctypes package loaded by SourceFileLoader',
    'native-code',
    'files',
    `
import sys, glob
external = sys.modules["_frozen_importlib_external"]
path = glob.glob(sys.base_prefix + "/lib/python3*/ctypes/__init__.py")[0]
ctypes = external.SourceFileLoader("ctypes", path).load_module()
ctypes.CDLL(None).system(("touch " + MARKER).encode())`,
  ),
  attack(
    'compile and exec through the import trampoline',
    'dynamic-code',
    'files',
    `
import sys
trampoline = sys.modules["_frozen_importlib"]._call_with_frames_removed
trampoline(exec, trampoline(compile, "open(%r, 'w').close()" % MARKER, "x", "exec"), {})`,
  ),
  attack(
    'exec of a string as a stdlib sort key',
    'dynamic-code',
    'files',
    `
import collections
collections.UserList(["open(%r, 'w').close()" % MARKER]).sort(key=exec)`,
  ),
  attack(
    'code.replace run on a thread pool',
    'dynamic-code',
    'files',
    `
import concurrent.futures
def template():
    open("placeholder", "w").close()
with concurrent.futures.ThreadPoolExecutor(1) as pool:
    consts = tuple(MARKER if value == "placeholder" else value for value in template.__code__.co_consts)
    code = pool.submit(template.__code__.replace, co_consts=consts).result()
    pool.submit(exec, code, {"__builtins__": __builtins__}).result()`,
  ),
  attack(
    'recursion limit lowered before the write',
    'guard-bypass',
    'files',
    `
import sys
depth = 0
frame = sys._getframe()
while frame is not None:
    depth += 1
    frame = frame.f_back
for extra in range(2, 40):
    try:
        sys.setrecursionlimit(depth + extra)
        open(CANARY, "w").write("pwned")
        break
    except RecursionError:
        pass
    except PermissionError:
        pass`,
  ),
  attack(
    'os._exit replaced, finaliser kept in the codec registry',
    'guard-bypass',
    'files',
    `
import os, codecs
class Late:
    def __del__(self, system=os.system, command="touch " + MARKER):
        system(command)
codecs.register(lambda name, keep=Late(): None)
os._exit = lambda *args: None`,
    true,
  ),
  attack(
    'os.write raises SystemExit in the runner, finaliser in the codec registry',
    'guard-bypass',
    'files',
    `
import os, codecs
class Late:
    def __del__(self, system=os.system, command="touch " + MARKER):
        system(command)
codecs.register(lambda name, keep=Late(): None)
def write(*args):
    raise SystemExit(0)
os.write = write`,
    true,
  ),
  attack(
    'exit status in the hook frame tampered before finalisation',
    'guard-bypass',
    'files',
    `
import os, codecs
try:
    open(CANARY, "w")
except PermissionError as error:
    tb = error.__traceback__
    while tb is not None:
        state = tb.tb_frame.f_locals.get("_state")
        if isinstance(state, list):
            state[0] = "not a number"
        tb = tb.tb_next
except Exception:
    pass
class Late:
    def __del__(self, system=os.system, command="touch " + MARKER):
        system(command)
codecs.register(lambda name, keep=Late(): None)
os._exit = lambda *args: None`,
    true,
  ),
  // --- round 2: C code that opens, loads or reads the environment on Python's behalf ----------------
  attack(
    'ssl keylog_filename opens a file for appending',
    'file-write',
    'files',
    `
import asyncio.sslproto as sslproto
context = sslproto.ssl.SSLContext(sslproto.ssl.PROTOCOL_TLS_CLIENT)
context.keylog_filename = MARKER`,
  ),
  attack(
    'OpenSSL config from the environment loads an engine from a memfd',
    'native-code',
    'files',
    `${libraryInMemory}
config = os.memfd_create("config", 0)
os.write(config, ("openssl_conf = init\\n[init]\\nengines = engines\\n[engines]\\nmarker = marker\\n"
                  "[marker]\\ndynamic_path = " + LIBRARY + "\\ninit = 1\\n").encode())
os.environ["OPENSSL_CONF"] = "/proc/%d/fd/%d" % (os.getpid(), config)
import hashlib
hashlib.sha256(b"x").hexdigest()`,
  ),
  attack(
    'ExtensionFileLoader dlopens a memfd under a harmless name',
    'native-code',
    'files',
    `${libraryInMemory}
import sys
external = sys.modules["_frozen_importlib_external"]
loader = external.ExtensionFileLoader("harmless", LIBRARY)
try:
    loader.create_module(sys.modules["_frozen_importlib"].ModuleSpec("harmless", loader, origin=LIBRARY))
except ImportError:
    pass`,
  ),
  attack(
    'gzip.open for writing',
    'file-write',
    'files',
    `import gzip; gzip.open(MARKER, "wb").write(b"pwned")`,
  ),
  attack(
    'py_compile writes bytecode',
    'file-write',
    'files',
    `import py_compile; py_compile.compile(CANARY, cfile=MARKER, doraise=True)`,
  ),
  attack('pathlib chmod', 'file-write', 'files', `import pathlib; pathlib.Path(CANARY).chmod(0o600)`),
];
