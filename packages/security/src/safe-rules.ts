import type { SecurityRule } from '@executer/core';

/** What SAFE forbids, one sentence each; rendered into the prompt and used as Violation.rule. */
export const safeRules: readonly SecurityRule[] = [
  {
    id: 'file-write',
    summary:
      'Do not create, write, append to, truncate, chmod or otherwise modify files or folders; reading files and listing folders is fine, so print results instead of saving them.',
  },
  {
    id: 'file-delete',
    summary:
      'Do not delete, rename or move files or folders (os.remove, os.rename, shutil.rmtree, Path.unlink...).',
  },
  {
    id: 'network',
    summary:
      'Do not use the network (socket, urllib, http.client, requests, asyncio connections); work with the data you are given.',
  },
  {
    id: 'system-command',
    summary:
      'Do not run system commands or other programs (os.system, subprocess, os.popen, os.exec*, pty); compute the result in Python instead.',
  },
  {
    id: 'process',
    summary:
      'Do not create or signal processes (os.fork, multiprocessing, ProcessPoolExecutor, os.kill) or change resource limits; threads and asyncio are fine.',
  },
  {
    id: 'dynamic-code',
    summary:
      'Do not run code built at run time (eval, exec, compile, pickle/marshal loads, code objects, timeit strings, breakpoint); write the code directly.',
  },
  {
    id: 'module-manipulation',
    summary:
      'Do not use __import__, importlib or manipulate modules, and do not import ctypes, cffi, socket, subprocess, multiprocessing, pty, code or runpy.',
  },
  {
    id: 'native-code',
    summary: 'Do not load native code (ctypes, cffi, tkinter, sub-interpreters).',
  },
  {
    id: 'introspection',
    summary:
      'Do not reach interpreter internals (__subclasses__, __globals__, __builtins__, __code__, frames, gc.get_objects, sys.settrace, getattr with computed names on modules).',
  },
];
