"""Executer's SAFE-mode runtime guard: PEP 578 audit hooks that refuse operations by their effect.

Stdlib only, Python >= 3.10, self-contained (runners may copy this file into a container).

A runner compiles the user's code (filename "<generated>"), loads this file as a module, calls
`report = install(settings)` and then runs the code. From then on, in every thread:

- reads stay allowed (open for reading, os.listdir, os.walk, os.scandir, glob, pathlib reads);
- writes, creation, deletion, renames, links, chmod/chown, utime, truncation are refused;
- every socket operation and every network client is refused;
- process creation of every kind, signals to other processes and resource-limit changes are refused;
- native code (ctypes, cffi, dlopen) and forbidden modules are refused;
- compiling or executing strings, building code objects and unmarshalling code are refused when the
  caller is the user's code (the standard library legitimately generates code: dataclasses, ...);
- the hooks cannot be removed: frame, gc, tracing and sub-interpreter routes are refused, the
  primitives that have no audit event are replaced, and the process ends before finalisation
  would run user finalisers with the hooks cleared.

Every refusal raises PermissionError("[executer:safe] <rule>: ...") and is recorded; `report()`
returns the records as dicts {"rule", "message", "line"}, `line` being the user's line.

Why the code looks unusual: the hook and everything it calls take their state as default arguments
(never globals, never closures, never builtins looked up at call time). Globals and builtins can be
monkeypatched and closure cells rewritten from inside; a function's defaults can only be replaced
through an audited assignment, which the hook refuses for its own functions.
"""

RULE_FILE_WRITE = "file-write"
RULE_FILE_DELETE = "file-delete"
RULE_NETWORK = "network"
RULE_SYSTEM_COMMAND = "system-command"
RULE_PROCESS = "process"
RULE_NATIVE_CODE = "native-code"
RULE_DYNAMIC_CODE = "dynamic-code"
RULE_MODULE = "module-manipulation"
RULE_INTROSPECTION = "introspection"


def install(settings=None):
    """Installs the hooks (permanently) and returns a zero-argument callable listing refusals."""
    import os
    import sys
    import sysconfig

    settings = dict(settings or {})
    user_filename = str(settings.get("userFilename") or "<generated>")
    guard_file = __file__ if isinstance(__file__, str) else "<guard>"
    caller = sys._getframe(1)
    harness_files = {caller.f_code.co_filename}
    for extra in settings.get("trustedFiles") or ():
        harness_files.add(str(extra))

    # --- what is trusted ------------------------------------------------------------------------
    stdlib_roots = []
    for key in ("stdlib", "platstdlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            stdlib_roots.append(os.path.join(os.path.realpath(path), ""))
            stdlib_roots.append(os.path.join(path, ""))
    stdlib_roots = tuple(dict.fromkeys(stdlib_roots))
    # Where native extension modules may be loaded from: the installation's directories and the
    # import path as it is now. A path elsewhere (/proc/self/fd/N of a memfd the code filled,
    # /proc/self/map_files/...) would dlopen bytes the code wrote.
    extension_roots = list(stdlib_roots)
    for key in ("purelib", "platlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            extension_roots.append(os.path.join(path, ""))
            extension_roots.append(os.path.join(os.path.realpath(path), ""))
    for entry in sys.path:
        if isinstance(entry, str) and os.path.isabs(entry) and os.path.isdir(entry) and not entry.startswith(("/proc", "/dev")):
            extension_roots.append(os.path.join(entry, ""))
            extension_roots.append(os.path.join(os.path.realpath(entry), ""))
    extension_roots = tuple(dict.fromkeys(extension_roots))
    # Standard-library files allowed to compile source they generate; other stdlib callers (threads
    # started on `exec`, timeit, doctest...) would launder user strings.
    compile_files = frozenset(
        root + relative
        for root in stdlib_roots
        for relative in (
            "collections/__init__.py",
            "dataclasses.py",
            "typing.py",
            "ast.py",
            "enum.py",
            "annotationlib.py",
            "inspect.py",
            "string.py",
            "zipimport.py",
        )
    )

    # Standard-library files allowed to build code objects (types.coroutine sets a flag; zipimport
    # unmarshals cached bytecode).
    code_files = frozenset(
        root + relative for root in stdlib_roots for relative in ("types.py", "zipimport.py")
    )

    # --- what is refused -------------------------------------------------------------------------
    always_refused_modules = frozenset(
        (
            "ctypes", "_ctypes", "cffi", "_cffi_backend", "_posixsubprocess", "multiprocessing",
            "_multiprocessing", "_posixshmem", "_xxsubinterpreters", "_xxinterpchannels",
            "_interpreters", "_interpchannels", "_interpqueues", "_tkinter", "tkinter", "readline",
            "_dbm", "_gdbm", "_testcapi", "_testinternalcapi", "_testbuffer", "_testmultiphase",
            "_testsinglephase", "_testimportmultiple", "_testclinic", "_ctypes_test", "_xxtestfuzz",
            "_testlimitedcapi", "_testexternalinspection", "_remote_debugging", "pty",
            "_signal", "_imp", "_lsprof", "pdb", "bdb",
        )
    )
    user_refused_modules = frozenset(
        (
            "socket", "_socket", "ssl", "_ssl", "subprocess", "socketserver", "ftplib", "smtplib",
            "poplib", "imaplib", "nntplib", "telnetlib", "xmlrpc", "http.client", "http.server",
            "urllib.request", "webbrowser", "code", "codeop", "runpy", "importlib", "asyncio.subprocess",
            "selectors", "select", "sqlite3", "_sqlite3", "shutil", "tempfile", "signal", "resource",
            "mmap", "fcntl", "gc", "marshal", "pickle", "_pickle", "shelve", "dbm", "zipapp", "ensurepip",
            "venv", "concurrent.futures.process", "timeit", "doctest", "trace", "profile", "cProfile",
        )
    )
    # A user's own `import` of these is refused; the standard library may import them (asyncio needs
    # socket and subprocess, ...) because the operations they perform are refused by their events.
    user_harmless = frozenset(("signal", "gc", "pickle", "_pickle", "select", "selectors", "mmap", "fcntl", "resource", "shutil", "tempfile", "marshal"))
    user_refused_modules = user_refused_modules - user_harmless

    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND | getattr(os, "O_TMPFILE", 0)
    fixed_rules = (
        (RULE_FILE_WRITE, "modifying the file system", frozenset((
            "os.chmod", "os.chown", "os.chflags", "os.lchflags", "os.link", "os.symlink", "os.mkdir",
            "os.truncate", "os.utime", "os.setxattr", "os.removexattr", "os.rename", "shutil.copyfile",
            "shutil.copymode", "shutil.copystat", "shutil.copytree", "shutil.chown", "shutil.make_archive",
            "shutil.move", "shutil.unpack_archive", "sqlite3.connect", "sqlite3.enable_load_extension",
            "sqlite3.load_extension", "os.mkfifo", "os.mknod", "tarfile.extractall"))),
        (RULE_FILE_DELETE, "deleting files or directories", frozenset(("os.remove", "os.rmdir", "shutil.rmtree"))),
        (RULE_SYSTEM_COMMAND, "running a system command", frozenset((
            "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.startfile", "subprocess.Popen",
            "webbrowser.open", "pty.spawn", "_posixsubprocess.fork_exec"))),
        (RULE_PROCESS, "creating or manipulating processes", frozenset((
            "os.fork", "os.forkpty", "resource.setrlimit", "resource.prlimit", "cpython.PyInterpreterState_New",
            "fcntl.ioctl", "os.pidfd_open", "signal.pidfd_send_signal", "os.setpriority", "os.sched_setaffinity",
            "os.sched_setparam", "os.sched_setscheduler", "os.chroot", "os.setns", "os.unshare",
            "time.clock_settime", "_imp.create_builtin"))),
        (RULE_NATIVE_CODE, "loading native code", frozenset(("os.add_dll_directory",))),
        (RULE_DYNAMIC_CODE, "starting a debugger", frozenset(("builtins.breakpoint", "pdb.Pdb"))),
        (RULE_INTROSPECTION, "introspecting the interpreter", frozenset((
            "gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys.settrace", "sys.setprofile",
            "sys._current_frames", "sys._current_exceptions", "sys.addaudithook", "sys.remote_exec",
            "cpython.remote_debugger_script"))),
    )
    fixed_events = {}
    for rule, what, events in fixed_rules:
        for event in events:
            fixed_events[event] = (rule, what)
    # Namespaces where anything not known to be a read is refused.
    refused_prefixes = (
        ("socket.", RULE_NETWORK, "network access"),
        ("http.", RULE_NETWORK, "network access"),
        ("urllib.", RULE_NETWORK, "network access"),
        ("ftplib.", RULE_NETWORK, "network access"),
        ("smtplib.", RULE_NETWORK, "network access"),
        ("imaplib.", RULE_NETWORK, "network access"),
        ("poplib.", RULE_NETWORK, "network access"),
        ("nntplib.", RULE_NETWORK, "network access"),
        ("telnetlib.", RULE_NETWORK, "network access"),
        ("syslog.", RULE_NETWORK, "writing to the system log"),
        ("ssl.", RULE_NETWORK, "network access"),
        ("ctypes.", RULE_NATIVE_CODE, "native code through ctypes"),
        ("_ctypes.", RULE_NATIVE_CODE, "native code through ctypes"),
        ("subprocess.", RULE_SYSTEM_COMMAND, "running a system command"),
        ("shutil.", RULE_FILE_WRITE, "modifying the file system"),
        ("ensurepip.", RULE_SYSTEM_COMMAND, "running pip"),
        ("winreg.", RULE_FILE_WRITE, "changing the registry"),
        ("msvcrt.", RULE_PROCESS, "console manipulation"),
        ("_winapi.", RULE_PROCESS, "creating or manipulating processes"),
        ("sys.monitoring", RULE_INTROSPECTION, "monitoring the interpreter"),
        ("sqlite3.", RULE_FILE_WRITE, "opening a database"),
    )
    allowed_os_events = frozenset((
        "os.listdir", "os.scandir", "os.walk", "os.fwalk", "os.getxattr", "os.listxattr", "os.chdir",
        "os.putenv", "os.unsetenv", "os.lockf", "os.listdrives", "os.listvolumes", "os.listmounts",
    ))
    fast_allowed = frozenset((
        "sys._getframe", "sys._getframemodulename", "builtins.id", "time.sleep", "array.__new__", "open",
        "os.listdir", "os.scandir", "glob.glob", "glob.glob/2", "os.walk", "os.fwalk", "builtins.input",
        "builtins.input/result", "mmap.__new__", "sys.unraisablehook", "tempfile.mkstemp", "tempfile.mkdtemp",
        "fcntl.flock", "fcntl.lockf", "signal.pthread_kill", "pathlib.Path.glob",
        "pathlib.Path.rglob", "sys.setrecursionlimit", "sqlite3.connect/handle", "threading.excepthook",
    ))
    # fcntl commands that act on this process's own descriptors and locks. The others reach other
    # processes: F_SETOWN/F_SETOWN_EX/F_SETSIG make the kernel signal any pid or group on I/O (SIGIO
    # kills by default), F_SETLEASE/F_NOTIFY watch other openers.
    fcntl_allowed = set()
    try:
        import fcntl as fcntl_module
    except ImportError:
        fcntl_module = None
    for name in ("F_DUPFD", "F_DUPFD_CLOEXEC", "F_GETFD", "F_SETFD", "F_GETFL", "F_SETFL", "F_GETLK",
                 "F_SETLK", "F_SETLKW", "F_OFD_GETLK", "F_OFD_SETLK", "F_OFD_SETLKW", "F_GETOWN",
                 "F_GETSIG", "F_GETLEASE", "F_GETPIPE_SZ", "F_SETPIPE_SZ", "F_GET_SEALS", "F_ADD_SEALS",
                 "F_GETPATH", "F_FULLFSYNC", "F_NOCACHE", "F_GETLK64", "F_SETLK64", "F_SETLKW64"):
        value = getattr(fcntl_module, name, None)
        if isinstance(value, int):
            fcntl_allowed.add(value)
    fcntl_allowed = frozenset(fcntl_allowed)
    pickle_refused_modules = frozenset((
        "os", "posix", "nt", "subprocess", "sys", "socket", "shutil", "ctypes", "importlib", "runpy", "code",
        "pty", "multiprocessing", "signal", "_posixsubprocess", "tempfile", "webbrowser", "pdb", "operator",
        "types", "io", "_io", "codecs", "marshal", "pickle", "_pickle", "gc", "inspect", "threading",
        "_thread", "asyncio", "select", "mmap", "pathlib", "glob", "sqlite3", "urllib", "http", "ssl",
        "timeit", "platform", "_imp", "zipimport", "ensurepip",
    ))
    pickle_refused_builtins = frozenset((
        "eval", "exec", "compile", "__import__", "open", "getattr", "setattr", "delattr", "breakpoint",
        "input", "globals", "locals", "vars", "__build_class__", "help",
    ))

    # --- fail closed when a native door is already open ------------------------------------------
    for name in ("_ctypes", "_cffi_backend", "_tkinter", "_testcapi", "_testinternalcapi", "_xxsubinterpreters", "_interpreters"):
        if name in sys.modules:
            raise RuntimeError(
                "[executer:safe] guard: %s was imported before the guard; it cannot be made safe, install the guard first" % name
            )

    # --- the refusal record and the hook -----------------------------------------------------------
    refusals = []
    state = [0]  # exit status used if finalisation starts under the guard

    def refuse(rule, message, start, _refusals=refusals, _user=user_filename, _dict=dict, _str=str,
               _prefix="[executer:safe] "):
        """Records a refusal and returns the PermissionError message. `start` is a frame or None."""
        line = None
        frame = start
        while frame is not None:
            if frame.f_code.co_filename == _user:
                line = frame.f_lineno
                break
            frame = frame.f_back
        text = _prefix + rule + ": " + message
        _refusals.append(_dict(rule=rule, message=text, line=line))
        return text

    def report(_refusals=refusals, _dict=dict, _list=list):
        result = _list()
        for entry in _refusals:
            result.append(_dict(entry))
        return result

    def describe_path(value, _type=type, _str=str, _bytes=bytes, _int=int):
        kind = _type(value)
        if kind is _str:
            return "'" + value + "'"
        if kind is _bytes:
            return "'" + value.decode("utf-8", "replace") + "'"
        if kind is _int:
            return "file descriptor " + _str(value)
        return "a file"

    def hook(
        event,
        args,
        _fast=fast_allowed,
        _fixed=tuple(fixed_events.items()),
        _fixed_names=frozenset(fixed_events),
        _prefixes=refused_prefixes,
        _allowed_os=allowed_os_events,
        _write_flags=write_flags,
        _always_modules=always_refused_modules,
        _user_modules=user_refused_modules,
        _pickle_modules=pickle_refused_modules,
        _pickle_builtins=pickle_refused_builtins,
        _stdlib=stdlib_roots,
        _compile_files=compile_files,
        _harness=frozenset(harness_files),
        _guard_file=guard_file,
        _refuse=refuse,
        _describe_path=describe_path,
        _getframe=sys._getframe,
        _getpid=os.getpid,
        _exit=os._exit,
        _state=state,
        _stdout=sys.__stdout__,
        _stderr=sys.__stderr__,
        _type=type,
        _int=int,
        _str=str,
        _tuple=tuple,
        _function=type(install),
        _permission_error=PermissionError,
        _site_markers=("site-packages", "dist-packages"),
        _str_str=str.__str__,
        _len=len,
        _base_exception=BaseException,
        _af_unix=1,
        _fcntl_allowed=fcntl_allowed,
        _code_files=code_files,
        _trampoline="_call_with_frames_removed",
        _extension_roots=extension_roots,
        _user_filename=user_filename,
        _str_split=str.split,
    ):
        if event in _fast:
            if event == "open":
                flags = args[2] if _type(args[2]) is _int else 0
                mode = args[1]
                # C code opening through _Py_fopen_obj (ssl's keylog_filename, "a") reports its
                # intent in the mode only, with flags 0.
                if _type(mode) is _str and ("w" in mode or "a" in mode or "x" in mode or "+" in mode):
                    flags = flags | 1
                if flags & _write_flags and _type(args[0]) is not _int:
                    raise _permission_error(_refuse(
                        "file-write",
                        "opening " + _describe_path(args[0]) + " for writing is refused; SAFE mode only reads "
                        "files: print the result instead of writing it to a file",
                        _getframe(1)))
            return
        if event == "cpython.PyInterpreterState_Clear" or event == "cpython._PySys_ClearAuditHooks":
            # Finalisation clears the hooks and then frees what is left (the codec registry, ...),
            # running user finalisers unguarded: end first. The hook's failures are ignored here, so
            # nothing may fail before `_exit` (no frame exists now; `_state` may have been tampered with).
            try:
                for stream in (_stdout, _stderr):
                    try:
                        stream.flush()
                    except _base_exception:
                        pass
                status = _state[0]
                _exit(status if _type(status) is _int and 0 <= status < 256 else 1)
            finally:
                _exit(1)
        if event == "fcntl.fcntl":
            if _type(args[1]) is _int and args[1] in _fcntl_allowed:
                return
            raise _permission_error(_refuse(
                "process", "fcntl command " + _str(args[1]) + " reaches other processes and is refused in SAFE mode",
                _getframe(1)))
        if event == "object.__getattr__":
            # A guard function's defaults hold its state; reading them is refused.
            target = args[0]
            name = args[1]
            if (name == "__defaults__" or name == "__kwdefaults__") and _type(target) is _function and (
                target.__code__.co_filename == _guard_file
            ):
                raise _permission_error(_refuse(
                    "introspection", "reading the guard's internals is refused", _getframe(1)))
            return
        if event == "object.__setattr__" or event == "object.__delattr__":
            target = args[0]
            name = args[1]
            if _type(target) is not _function:
                return
            if target.__code__.co_filename == _guard_file:
                raise _permission_error(_refuse(
                    "module-manipulation", "changing the guard's functions is refused", _getframe(1)))
            if _str_str(name) != "__code__":
                return

        # Who is asking: the nearest frame that is not the guard's.
        frame = _getframe(1)
        while frame is not None and (frame.f_code.co_filename == _guard_file or (
                frame.f_code.co_name == _trampoline and frame.f_code.co_filename[:8] == "<frozen ")):
            frame = frame.f_back
        filename = frame.f_code.co_filename if frame is not None else ""
        if filename in _harness or filename[:8] == "<frozen ":
            trusted = True
        else:
            trusted = False
            for root in _stdlib:
                if filename[: _len(root)] == root:
                    trusted = True
                    for marker in _site_markers:
                        if marker in filename:
                            trusted = False
                    # "<stdlib>/../../proc/self/fd/N" (a zip archive in a memfd) only looks inside.
                    if "/../" in filename:
                        trusted = False
                    break

        if event == "object.__setattr__" or event == "object.__delattr__":
            if trusted:
                return
            raise _permission_error(_refuse(
                "dynamic-code", "replacing a function's code is refused in SAFE mode; write the code directly", frame))
        if event in _fixed_names:
            for name, (rule, what) in _fixed:
                if name == event:
                    raise _permission_error(_refuse(
                        rule, what + " (" + event + ") is refused in SAFE mode; " + (
                            "SAFE mode only reads files: print the result instead"
                            if rule == "file-write" or rule == "file-delete"
                            else "compute the result in plain Python instead"),
                        frame))
        if event == "import":
            name = _str_str(args[0])
            path = args[1]
            if path is not None:
                # A native extension (imp.create_dynamic): only from the installation's directories,
                # whatever name the spec claims.
                inside = False
                if _type(path) is _str and ".." not in _str_split(path, "/"):
                    for root in _extension_roots:
                        if path[: _len(root)] == root:
                            inside = True
                            break
                if not inside:
                    raise _permission_error(_refuse(
                        "native-code",
                        "loading a native extension from " + _describe_path(path) + " is refused in SAFE mode; "
                        "only installed modules load",
                        frame))
            top = name.partition(".")[0]
            last = name.rpartition(".")[2]
            if name in _always_modules or top in _always_modules or (args[1] is not None and last in _always_modules):
                raise _permission_error(_refuse(
                    "module-manipulation" if top not in ("ctypes", "_ctypes", "cffi", "_cffi_backend") else "native-code",
                    "importing '" + name + "' is refused in SAFE mode; use plain Python and the allowed standard library",
                    frame))
            if not trusted and (name in _user_modules or top in _user_modules):
                raise _permission_error(_refuse(
                    "module-manipulation",
                    "importing '" + name + "' is refused in SAFE mode (network, processes, dynamic code and module "
                    "machinery are off); use plain Python and the allowed standard library",
                    frame))
            return
        if event == "compile":
            if filename in _harness:
                # Once the guard is in, the harness compiles only the user's code, under the user's
                # name: its loader called again on a chosen name would mint trusted code.
                if _type(args[1]) is _str and _str_str(args[1]) == _user_filename:
                    return
                raise _permission_error(_refuse(
                    "dynamic-code", "compiling code under a trusted name is refused in SAFE mode", frame))
            if filename[:8] == "<frozen " or filename in _compile_files:
                return
            raise _permission_error(_refuse(
                "dynamic-code",
                "compiling code from a string (compile/exec/eval) is refused in SAFE mode; write the code directly",
                frame))
        if event == "code.__new__" or event == "function.__new__" or event == "marshal.loads" or event == "marshal.load":
            # Code objects built from arbitrary bytes or fields can corrupt memory and reach native
            # code without any audit event: only the import machinery builds them, never on behalf of
            # a stdlib function that merely calls what the user handed it (a thread pool, a callback).
            if filename in _harness or filename[:8] == "<frozen " or filename in _code_files:
                return
            raise _permission_error(_refuse(
                "dynamic-code",
                "running or building code objects (" + event + ") is refused in SAFE mode; write the code directly",
                frame))
        if event == "exec":
            if trusted:
                return
            raise _permission_error(_refuse(
                "dynamic-code",
                "running or building code objects (" + event + ") is refused in SAFE mode; write the code directly",
                frame))
        if event == "pickle.find_class":
            module = _str_str(args[0])
            top = module.partition(".")[0]
            if top in _pickle_modules or (module == "builtins" and _str_str(args[1]) in _pickle_builtins):
                raise _permission_error(_refuse(
                    "dynamic-code",
                    "unpickling a reference to " + module + "." + _str_str(args[1]) + " is refused in SAFE mode; "
                    "load data with json instead",
                    frame))
            return
        if event == "os.kill" or event == "os.killpg":
            pid = args[0]
            signal_number = args[1]
            if signal_number == 0 or (event == "os.kill" and pid == _getpid()):
                return
            raise _permission_error(_refuse(
                "process",
                "sending a signal to another process (" + event + ") is refused in SAFE mode",
                frame))
        if event == "os.putenv":
            # Reaches the C environment only through the guard's wrapper (which filters the names).
            if _getframe(1).f_code.co_filename == _guard_file:
                return
            raise _permission_error(_refuse(
                "native-code", "changing the C environment directly is refused in SAFE mode", frame))
        if event == "sys.excepthook":
            _state[0] = 1
            return
        if event == "socket.__new__" and args[1] == _af_unix:
            # A local socket pair (asyncio's self-pipe); connecting or binding it is refused below.
            return
        if event[:3] == "os.":
            if event in _allowed_os:
                return
            raise _permission_error(_refuse(
                "process", event + " is refused in SAFE mode; compute the result in plain Python instead", frame))
        for prefix, rule, what in _prefixes:
            if event[: _len(prefix)] == prefix:
                raise _permission_error(_refuse(
                    rule,
                    what + " (" + event + ") is refused in SAFE mode; "
                    + ("SAFE mode has no network: work with the data you have"
                       if rule == "network" else "compute the result in plain Python instead"),
                    frame))
        return

    # --- primitives without an audit event ---------------------------------------------------------
    def make_stub(event, _hook=hook, _getframe=sys._getframe):
        def refused(*args, **kwargs):
            _hook(event, args)
            raise PermissionError("[executer:safe] %s is refused in SAFE mode" % event)

        refused.__name__ = event.rpartition(".")[2]
        return refused

    # Builtin modules are created once, here: afterwards re-creating one (to get back an original
    # function) is refused.
    for name in sys.builtin_module_names:
        if name not in always_refused_modules or name in ("posix", "nt", "_signal", "_imp"):
            try:
                __import__(name)
            except BaseException:
                pass
    # pathlib imports ntpath, which tries `from nt import ...` (refused below) unless ntpath is
    # already loaded: some builds (Debian's, the official images') do not load it at start-up.
    try:
        import ntpath  # noqa: F401
    except BaseException:
        pass
    try:
        import _posixsubprocess
    except ImportError:
        _posixsubprocess = None
    import _signal
    import signal
    import time
    import _imp

    replaced = {}
    posix_module = sys.modules.get(os.name)
    for module, names in (
        # setpgid/setsid/setpgrp/tcsetpgrp: a run is stopped by killing its process group; leaving it
        # would outlive the timeout.
        (os, ("mkfifo", "mknod", "pidfd_open", "setpriority", "sched_setaffinity", "sched_setparam",
              "sched_setscheduler", "chroot", "setns", "unshare", "setpgid", "setsid", "setpgrp", "tcsetpgrp")),
        (posix_module, ("mkfifo", "mknod", "pidfd_open", "setpriority", "sched_setaffinity", "sched_setparam",
                        "sched_setscheduler", "chroot", "setns", "unshare", "setpgid", "setsid", "setpgrp",
                        "tcsetpgrp")),
        (_signal, ("pidfd_send_signal",)),
        (signal, ("pidfd_send_signal",)),
        (time, ("clock_settime", "clock_settime_ns")),
        (_posixsubprocess, ("fork_exec",)),
        (_imp, ("create_builtin",)),
    ):
        if module is None:
            continue
        prefix = {"_signal": "signal", "time": "time", "_posixsubprocess": "_posixsubprocess", "_imp": "_imp"}.get(
            module.__name__, "os")
        for name in names:
            original = getattr(module, name, None)
            if original is None:
                continue
            stub = make_stub(prefix + "." + ("clock_settime" if name.startswith("clock_settime") else name))
            replaced[id(original)] = stub
            setattr(module, name, stub)
    # Environment variables reach C libraries that load code from the paths they name (OPENSSL_CONF
    # makes OpenSSL dlopen an engine, GCONV_PATH glibc's converters): os.environ changes stay visible
    # to Python, and only time-zone and locale names reach the C environment.
    original_putenv = getattr(os, "putenv", None)
    if original_putenv is not None:
        def putenv(key, value, _putenv=original_putenv, _fsencode=os.fsencode, _type=type, _bytes=bytes,
                   _c_names=frozenset((b"TZ", b"LANG", b"LANGUAGE", b"LC_ALL", b"LC_CTYPE", b"LC_COLLATE",
                                       b"LC_MESSAGES", b"LC_MONETARY", b"LC_NUMERIC", b"LC_TIME"))):
            name = key if _type(key) is _bytes else _fsencode(key)
            if name in _c_names:
                _putenv(key, value)

        os.putenv = putenv
        if posix_module is not None:
            posix_module.putenv = putenv
    # subprocess keeps its own reference to fork_exec when it was imported before the guard.
    subprocess_module = sys.modules.get("subprocess")
    if subprocess_module is not None and getattr(subprocess_module, "_fork_exec", None) is not None:
        subprocess_module._fork_exec = make_stub("_posixsubprocess.fork_exec")
    for set_name in ("supports_dir_fd", "supports_fd", "supports_effective_ids", "supports_follow_symlinks"):
        functions = getattr(os, set_name, None)
        if isinstance(functions, set):
            for function in list(functions):
                if id(function) in replaced:
                    functions.discard(function)
                    functions.add(replaced[id(function)])

    # Modules that must come back through an audited import if they are needed again.
    for name in list(sys.modules):
        if name in always_refused_modules and name not in ("posix", "nt", "_signal", "_imp", "_posixsubprocess"):
            del sys.modules[name]
        elif name.partition(".")[0] in ("ctypes", "multiprocessing", "cffi"):
            del sys.modules[name]

    sys.addaudithook(hook)
    return report
