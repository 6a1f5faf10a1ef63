"""A tiny runtime guard for the runner conformance suite, following the harness guard contract:
install(settings) adds a PEP 578 audit hook and returns a callable listing refusals. It refuses
opening files for writing, nothing else. (The real guard lives in packages/security.)"""

import os
import sys

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def _user_line():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == "<generated>":
            return frame.f_lineno
        frame = frame.f_back
    return None


def install(settings):
    refusals = []
    rule = settings.get("rule", "file-write")

    def hook(event, args):
        if event != "open":
            return
        _path, mode, flags = args
        writes = (isinstance(mode, str) and any(letter in mode for letter in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writes:
            message = "[executer:safe] opening %r for writing is forbidden" % (_path,)
            refusals.append({"rule": rule, "message": message, "line": _user_line()})
            raise PermissionError(message)

    sys.addaudithook(hook)
    return lambda: list(refusals)
