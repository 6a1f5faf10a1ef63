"""Executer's Python harness: runs generated code for the Python runners. Stdlib only, Python >= 3.10.

Modes (first argument):
  once <memory_bytes> <has_guard>   one run. stdin holds the request (a JSON guard line first when
                                    has_guard is 1, then the code); stdout/stderr are the user's; the
                                    result is one "J" frame written to fd 3.
  serve <memory_bytes> <strategy>   a warm worker speaking framed messages over its ORIGINAL stdin and
                                    stdout (strategy "fork": a forked child per run; "inline": runs in
                                    this process). User output never reaches the protocol.

Frame: 1 byte kind ("J" JSON message, "O" stdout bytes, "E" stderr bytes) + 4-byte big-endian
length + payload. See the package README for the messages.
"""

import os
import sys

GENERATED = "<generated>"
KIND_JSON = b"J"
KIND_STDOUT = b"O"
KIND_STDERR = b"E"
READ_SIZE = 65536
# Taken before any user code runs: code that replaces os._exit or os.write must not change how the
# harness reports and ends (a normal finalisation would run the code's atexit handlers and finalisers).
_exit = os._exit
_write = os.write


def write_all(fd, data):
    view = memoryview(data)
    while view:
        written = _write(fd, view)
        view = view[written:]


def frame(kind, payload):
    return kind + len(payload).to_bytes(4, "big") + payload


def encode_json(message):
    import json

    return json.dumps(message).encode("ascii")


def read_exact(fd, size):
    chunks = []
    while size > 0:
        chunk = os.read(fd, size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame(fd):
    header = read_exact(fd, 5)
    if header is None:
        return None, None
    payload = read_exact(fd, int.from_bytes(header[1:], "big"))
    if payload is None:
        return None, None
    return header[:1], payload


def limit_memory(memory_bytes):
    if memory_bytes > 0:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def load_guard(guard):
    """Loads the guard module and installs it; returns its report callable.

    The host sends the guard's source with its path, so the guard loads even where its file is not
    visible (a sandbox's private /tmp); it is compiled under its real path, so its own frames are
    recognised exactly as when imported from the file. Without a source, the file is imported.
    """
    if "source" in guard:
        import types

        module = types.ModuleType("executer_runtime_guard")
        module.__file__ = guard["modulePath"]
        exec(compile(guard["source"], guard["modulePath"], "exec"), module.__dict__)
    else:
        import importlib.util

        spec = importlib.util.spec_from_file_location("executer_runtime_guard", guard["modulePath"])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module.install(guard.get("settings") or {})


def describe_exception(error):
    """The exception as data, with the traceback trimmed to the user's frames."""
    import traceback

    line = None
    tb = error.__traceback__
    # Harness frames come first; the user's code starts at the first "<generated>" frame.
    while tb is not None and tb.tb_frame.f_code.co_filename != GENERATED:
        tb = tb.tb_next
    walker = tb
    while walker is not None:
        if walker.tb_frame.f_code.co_filename == GENERATED:
            line = walker.tb_lineno
        walker = walker.tb_next
    if isinstance(error, SyntaxError) and error.filename == GENERATED:
        line = error.lineno
    try:
        message = str(error)
    except BaseException:
        message = "<unprintable exception>"
    try:
        text = "".join(traceback.format_exception(type(error), error, tb))
    except BaseException:
        text = "%s: %s\n" % (type(error).__name__, message)
    return {"type": type(error).__qualname__, "message": message, "traceback": text, "line": line}


def register_source(code):
    # Lets tracebacks show the user's source lines for "<generated>".
    import linecache

    linecache.cache[GENERATED] = (len(code), None, code.splitlines(True), GENERATED)


def print_to_stderr(text):
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except BaseException:
        pass


def flush_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass


class Session:
    """What one run needs; `report` and `refusals_before` carry a guard across inline runs."""

    def __init__(self):
        self.report = None
        self.guard_key = None
        self.refusals_before = 0


def execute(code, guard, session, memory_bytes=0):
    """Compiles and runs `code` in a fresh namespace. Returns the result fields (no duration)."""
    import time

    result = {"exitCode": 0, "exception": None, "refusals": [], "limit": None}
    started = time.perf_counter()
    try:
        compiled = compile(code, GENERATED, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        described = describe_exception(error)
        print_to_stderr(described["traceback"])
        result.update(exitCode=1, exception=described)
        result["durationMs"] = (time.perf_counter() - started) * 1000
        return result
    if guard is not None or session.report is not None:
        # Everything the harness needs after the guard is installed is imported before it.
        import json  # noqa: F401
        import traceback  # noqa: F401

        register_source(code)
    if guard is not None and session.report is None:
        limit_memory(memory_bytes)
        memory_bytes = 0
        session.report = load_guard(guard)
    limit_memory(memory_bytes)
    namespace = {"__name__": "__main__", "__builtins__": __builtins__, "__file__": GENERATED}
    try:
        exec(compiled, namespace)
    except SystemExit as exit_request:
        code_value = exit_request.code
        if code_value is None:
            result["exitCode"] = 0
        elif isinstance(code_value, int):
            result["exitCode"] = code_value & 0xFF if code_value >= 0 else code_value
        else:
            print_to_stderr("%s\n" % (code_value,))
            result["exitCode"] = 1
    except BaseException as error:
        if session.report is None:
            register_source(code)
        described = describe_exception(error)
        print_to_stderr(described["traceback"])
        result.update(exitCode=1, exception=described)
        if isinstance(error, MemoryError):
            result["limit"] = "memory"
    finally:
        del namespace
        flush_streams()
    result["durationMs"] = (time.perf_counter() - started) * 1000
    if session.report is not None:
        try:
            refusals = list(session.report())
        except BaseException as error:
            refusals = [{"rule": "guard", "message": "the guard's report failed: %r" % (error,), "line": None}]
        result["refusals"] = refusals[session.refusals_before:]
        session.refusals_before = len(refusals)
    return result


def encode_result(result):
    if result["exception"] is None and not result["refusals"] and result["limit"] is None:
        # The common case, without importing json (it costs a few ms of start-up).
        return (
            '{"type":"result","exitCode":%d,"durationMs":%.3f,"exception":null,"refusals":[],"limit":null}'
            % (result["exitCode"], result["durationMs"])
        ).encode("ascii")
    message = dict(result)
    message["type"] = "result"
    return encode_json(message)


def run_once(arguments):
    memory_bytes = int(arguments[0])
    has_guard = arguments[1] == "1"
    request = sys.stdin.buffer.read()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    result_fd = 3
    os.set_inheritable(result_fd, False)
    guard = None
    if has_guard:
        import json

        header, _, request = request.partition(b"\n")
        guard = json.loads(header)
    code = request.decode("utf-8")
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    result = execute(code, guard, Session(), memory_bytes)
    write_all(result_fd, frame(KIND_JSON, encode_result(result)))
    if guard is not None:
        # No user code (atexit, threads) runs after the refusals were reported.
        flush_streams()
        _exit(result["exitCode"] & 0xFF)
    sys.exit(result["exitCode"])


class Protocol:
    def __init__(self):
        self.input = os.dup(0)
        self.output = os.dup(1)
        os.set_inheritable(self.input, False)
        os.set_inheritable(self.output, False)
        # fds 0/1/2 no longer reach the host: nothing the code writes can corrupt the protocol.
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        self.lock = None

    def send(self, kind, payload):
        if self.lock is None:
            write_all(self.output, frame(kind, payload))
        else:
            with self.lock:
                write_all(self.output, frame(kind, payload))

    def send_json(self, message):
        self.send(KIND_JSON, encode_json(message))

    def receive(self):
        import json

        kind, payload = read_frame(self.input)
        if kind is None:
            return None
        if kind != KIND_JSON:
            raise ValueError("unexpected frame kind %r" % (kind,))
        return json.loads(payload)


def serve(arguments):
    import json  # noqa: F401
    import traceback  # noqa: F401

    memory_bytes = int(arguments[0])
    strategy = arguments[1] if len(arguments) > 1 else "fork"
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    protocol = Protocol()
    sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace")
    ready = {"type": "ready", "pid": os.getpid(), "strategy": strategy, "python": "%d.%d.%d" % sys.version_info[:3]}
    if strategy == "inline":
        serve_inline(protocol, memory_bytes, ready)
    else:
        serve_fork(protocol, memory_bytes, ready)


def kill_group(pid):
    import signal

    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    # The child itself too: code that moved it into another group (os.setpgid) would outlive the
    # group kill, its timeout and the worker's waitpid.
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def serve_fork(protocol, memory_bytes, ready):
    import select
    import time

    protocol.send_json(ready)
    while True:
        request = protocol.receive()
        if request is None or request.get("type") == "shutdown":
            return
        if request.get("type") != "run":
            continue
        job_memory = int(request.get("memoryBytes") or memory_bytes)
        output_cap = int(request.get("outputBytes") or 0)
        timeout_s = float(request.get("timeoutMs") or 0) / 1000
        out_read, out_write = os.pipe()
        err_read, err_write = os.pipe()
        result_read, result_write = os.pipe()
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            exit_code = 70
            try:
                os.setpgid(0, 0)
                os.dup2(out_write, 1)
                os.dup2(err_write, 2)
                for fd in (out_read, err_read, result_read, out_write, err_write, protocol.input, protocol.output):
                    os.close(fd)
                result = execute(request["code"], request.get("guard"), Session(), job_memory)
                exit_code = result["exitCode"] & 0xFF
                write_all(result_write, encode_json(result))
            except BaseException as error:
                try:
                    os.write(2, ("executer harness: %r\n" % (error,)).encode())
                except BaseException:
                    pass
            finally:
                _exit(exit_code)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        for fd in (out_write, err_write, result_write):
            os.close(fd)
        status = None
        limit = None
        counts = {out_read: 0, err_read: 0}
        kinds = {out_read: KIND_STDOUT, err_read: KIND_STDERR}
        result_chunks = []
        open_fds = {out_read, err_read, result_read}
        deadline = started + timeout_s if timeout_s > 0 else None
        child_done = False
        while True:
            if child_done and (out_read not in open_fds and err_read not in open_fds):
                break
            wait = None if deadline is None else max(0.0, deadline - time.perf_counter())
            if child_done:
                # The child has exited; whatever still holds its pipes is a stray grandchild.
                kill_group(pid)
                wait = 0.5
            readable, _, _ = select.select(list(open_fds) + [protocol.input], [], [], wait)
            if not readable:
                if child_done:
                    break
                status = "timeout"
                kill_group(pid)
                break
            for fd in readable:
                if fd == protocol.input:
                    message = protocol.receive()
                    if message is None:
                        kill_group(pid)
                        return
                    if message.get("type") == "cancel" and status is None:
                        status = "aborted"
                        kill_group(pid)
                    continue
                data = os.read(fd, READ_SIZE)
                if not data:
                    open_fds.discard(fd)
                    os.close(fd)
                    if fd == result_read:
                        child_done = True
                    continue
                if fd == result_read:
                    result_chunks.append(data)
                    continue
                if limit == "output":
                    continue
                if output_cap and counts[fd] + len(data) > output_cap:
                    # One byte past the cap tells the host the stream was cut.
                    data = data[: max(0, output_cap - counts[fd]) + 1]
                    limit = "output"
                    kill_group(pid)
                counts[fd] += len(data)
                if data:
                    protocol.send(kinds[fd], data)
            if status is None and deadline is not None and not child_done and time.perf_counter() >= deadline:
                status = "timeout"
                kill_group(pid)
            if status is not None:
                break
        for fd in list(open_fds):
            os.close(fd)
        kill_group(pid)
        _, wait_status = os.waitpid(pid, 0)
        duration = (time.perf_counter() - started) * 1000
        result = None
        if result_chunks and status is None:
            try:
                import json

                result = json.loads(b"".join(result_chunks))
            except ValueError:
                result = None
        if result is None:
            exit_code = os.waitstatus_to_exitcode(wait_status) if status is None and limit is None else None
            result = {"exitCode": exit_code, "exception": None, "refusals": [], "limit": None}
            if exit_code is not None and exit_code < 0:
                result["died"] = "the Python process died (signal %d)" % (-exit_code,)
        result["type"] = "result"
        result["id"] = request.get("id")
        result["status"] = status or ("success" if result["exitCode"] == 0 and limit is None else "error")
        result["durationMs"] = duration
        if limit is not None:
            result["limit"] = limit
        protocol.send_json(result)


def serve_inline(protocol, memory_bytes, ready):
    import select
    import threading
    from queue import SimpleQueue

    # The code's fds 1/2 are pipes that a reader thread forwards as frames.
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    control_read, control_write = os.pipe()
    os.set_blocking(out_read, False)
    os.set_blocking(err_read, False)
    protocol.lock = threading.Lock()
    limit_memory(memory_bytes)
    jobs = SimpleQueue()
    drained = threading.Event()
    kinds = {out_read: KIND_STDOUT, err_read: KIND_STDERR}

    def forward(fd):
        while True:
            try:
                data = os.read(fd, READ_SIZE)
            except BlockingIOError:
                return
            if not data:
                return
            protocol.send(kinds[fd], data)

    def pump():
        import json

        try:
            while True:
                readable, _, _ = select.select([protocol.input, out_read, err_read, control_read], [], [])
                for fd in readable:
                    if fd == protocol.input:
                        kind, payload = read_frame(protocol.input)
                        if kind is None:
                            _exit(0)
                        message = json.loads(payload)
                        if message.get("type") == "run":
                            jobs.put(message)
                        elif message.get("type") == "shutdown":
                            _exit(0)
                    elif fd == control_read:
                        os.read(control_read, 1)
                        forward(out_read)
                        forward(err_read)
                        drained.set()
                    else:
                        forward(fd)
        except BaseException:
            _exit(75)

    threading.Thread(target=pump, daemon=True).start()
    protocol.send_json(ready)
    session = Session()
    # The process state a run may change and the next run must not inherit (modules and threads
    # do persist: that is the inline strategy's trade; "fork" isolates everything).
    dup2, chdir, umask = os.dup2, os.chdir, os.umask
    stdout, stderr = sys.stdout, sys.stderr
    directory = os.getcwd()
    environment = dict(os.environ)
    recursion_limit = sys.getrecursionlimit()
    mask = os.umask(0o022)
    umask(mask)
    while True:
        request = jobs.get()
        dup2(out_write, 1)
        dup2(err_write, 2)
        sys.stdout, sys.stderr = stdout, stderr
        sys.setrecursionlimit(recursion_limit)
        chdir(directory)
        umask(mask)
        if os.environ != environment:
            os.environ.clear()
            os.environ.update(environment)
        guard = request.get("guard")
        result = execute(request["code"], guard, session)
        flush_streams()
        drained.clear()
        os.write(control_write, b"x")
        drained.wait()
        result["type"] = "result"
        result["id"] = request.get("id")
        result["status"] = "success" if result["exitCode"] == 0 else "error"
        protocol.send_json(result)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "once":
        run_once(sys.argv[2:])
    elif mode == "serve":
        serve(sys.argv[2:])
    else:
        sys.stderr.write("usage: harness.py once <memory_bytes> <has_guard> | serve <memory_bytes> [fork|inline]\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
