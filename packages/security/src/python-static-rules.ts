/** A rule id and the rest of the sentence shown after the offending name. */
export interface StaticRule {
  rule: string;
  message: string;
}

const files = (what: string): StaticRule => ({
  rule: 'file-write',
  message: `${what}, which SAFE mode forbids (files are read-only); print the result instead`,
});
const deletes: StaticRule = {
  rule: 'file-delete',
  message:
    'deletes, renames or moves files, which SAFE mode forbids (files are read-only); print what you would change instead',
};
const command: StaticRule = {
  rule: 'system-command',
  message: 'runs a shell command, which SAFE mode forbids; compute the result in Python instead',
};
const process: StaticRule = {
  rule: 'process',
  message:
    'creates or signals processes, which SAFE mode forbids; use plain loops, threads or asyncio instead',
};
const network: StaticRule = {
  rule: 'network',
  message: 'uses the network, which SAFE mode forbids; work with the data you are given',
};
const dynamic: StaticRule = {
  rule: 'dynamic-code',
  message: 'runs code built at run time, which SAFE mode forbids; write the code directly',
};
const moduleManipulation: StaticRule = {
  rule: 'module-manipulation',
  message:
    'imports or manipulates modules dynamically, which SAFE mode forbids; use a plain `import` of an allowed module',
};
const native: StaticRule = {
  rule: 'native-code',
  message: 'loads native code, which SAFE mode forbids; use plain Python instead',
};
export const introspectionRule: StaticRule = {
  rule: 'introspection',
  message:
    'reaches interpreter internals, which SAFE mode forbids; use ordinary attributes and functions instead',
};
const introspection: StaticRule = {
  rule: 'introspection',
  message:
    'reaches interpreter internals, which SAFE mode forbids; use ordinary attributes and functions instead',
};

/** Modules whose import alone is refused (the whole module exists to do a forbidden thing). */
const forbiddenModules = new Map<string, StaticRule>([
  // asyncio's internals hold the socket and subprocess modules as globals.
  ...['asyncio.base_events', 'asyncio.base_subprocess', 'asyncio.unix_events'].map(
    (name) => [name, moduleManipulation] as const,
  ),
  ...[
    'socket',
    '_socket',
    'ssl',
    'socketserver',
    'ftplib',
    'smtplib',
    'poplib',
    'imaplib',
    'nntplib',
    'telnetlib',
    'xmlrpc',
    'requests',
    'httpx',
    'aiohttp',
    'urllib3',
    'websocket',
    'websockets',
    'paramiko',
    'http.client',
    'http.server',
    'urllib.request',
  ].map((name) => [name, network] as const),
  ...['subprocess', 'pty', '_posixsubprocess', 'sh', 'pexpect', 'commands'].map(
    (name) => [name, command] as const,
  ),
  ...[
    'multiprocessing',
    '_multiprocessing',
    'concurrent.futures.process',
    '_xxsubinterpreters',
    '_interpreters',
    'signal.pidfd_send_signal',
  ].map((name) => [name, process] as const),
  ...['ctypes', '_ctypes', 'cffi', '_cffi_backend', 'tkinter', '_tkinter'].map(
    (name) => [name, native] as const,
  ),
  ...['importlib', 'imp', 'runpy', 'code', 'codeop', 'pdb', 'bdb', 'marshal', 'dill', 'cloudpickle'].map(
    (name) => [name, moduleManipulation] as const,
  ),
  ...['shelve', 'dbm', 'sqlite3'].map(
    (name) => [name, files('opens a database file that it can write')] as const,
  ),
]);

/** Qualified names (module.attribute, or builtins) that are forbidden wherever they are referenced. */
const forbiddenNames = new Map<string, StaticRule>([
  ...[
    'os.system',
    'os.popen',
    'os.posix_spawn',
    'os.posix_spawnp',
    'platform.popen',
    'asyncio.create_subprocess_exec',
    'asyncio.create_subprocess_shell',
    'webbrowser.open',
  ].map((name) => [name, command] as const),
  ...[
    'execl',
    'execle',
    'execlp',
    'execlpe',
    'execv',
    'execve',
    'execvp',
    'execvpe',
    'spawnl',
    'spawnle',
    'spawnlp',
    'spawnlpe',
    'spawnv',
    'spawnve',
    'spawnvp',
    'spawnvpe',
  ].map((name) => [`os.${name}`, command] as const),
  ...[
    'os.fork',
    'os.forkpty',
    'os.kill',
    'os.killpg',
    'os.pidfd_open',
    'os.setpriority',
    'os.sched_setaffinity',
    'os.chroot',
    'signal.pthread_kill',
    'resource.setrlimit',
    'resource.prlimit',
    'concurrent.futures.ProcessPoolExecutor',
  ].map((name) => [name, process] as const),
  ...[
    'os.remove',
    'os.unlink',
    'os.rmdir',
    'os.removedirs',
    'os.rename',
    'os.renames',
    'os.replace',
    'shutil.rmtree',
    'shutil.move',
  ].map((name) => [name, deletes] as const),
  ...[
    'os.mkdir',
    'os.makedirs',
    'os.mkfifo',
    'os.mknod',
    'os.link',
    'os.symlink',
    'os.truncate',
    'os.ftruncate',
    'os.utime',
    'os.chmod',
    'os.fchmod',
    'os.lchmod',
    'os.chown',
    'os.fchown',
    'os.lchown',
    'os.setxattr',
    'os.removexattr',
    'os.posix_fallocate',
  ].map((name) => [name, files('changes the file system')] as const),
  ...[
    'shutil.copy',
    'shutil.copy2',
    'shutil.copyfile',
    'shutil.copytree',
    'shutil.copymode',
    'shutil.copystat',
    'shutil.chown',
    'shutil.make_archive',
    'shutil.unpack_archive',
    'tempfile.mkstemp',
    'tempfile.mkdtemp',
    'tempfile.NamedTemporaryFile',
    'tempfile.TemporaryFile',
    'tempfile.SpooledTemporaryFile',
    'tempfile.TemporaryDirectory',
    'logging.FileHandler',
    'logging.handlers.RotatingFileHandler',
    'readline.write_history_file',
    'mmap.mmap',
  ].map((name) => [name, files('writes files')] as const),
  ...[
    'eval',
    'exec',
    'compile',
    'breakpoint',
    'pickle.loads',
    'pickle.load',
    'pickle.Unpickler',
    '_pickle.loads',
    'marshal.loads',
    'marshal.load',
    'types.FunctionType',
    'types.CodeType',
    'types.LambdaType',
    'timeit.timeit',
    'timeit.repeat',
    'timeit.Timer',
    'doctest.run_docstring_examples',
    'typing.ForwardRef',
  ].map((name) => [name, dynamic] as const),
  ...[
    '__import__',
    'importlib.import_module',
    'importlib.reload',
    'importlib.util',
    'importlib.machinery',
    'sys.modules',
    'sys.meta_path',
    'sys.path_hooks',
    'builtins.__import__',
    '_imp',
  ].map((name) => [name, moduleManipulation] as const),
  ...[
    'sys._getframe',
    'sys._current_frames',
    'sys.settrace',
    'sys.setprofile',
    'sys.addaudithook',
    'sys.audit',
    'threading.settrace',
    'threading.setprofile',
    'gc.get_objects',
    'gc.get_referrers',
    'gc.get_referents',
    'inspect.currentframe',
    'inspect.stack',
    'inspect.trace',
  ].map((name) => [name, introspection] as const),
  ...[
    'urllib.request.urlopen',
    'urllib.request.urlretrieve',
    'asyncio.open_connection',
    'asyncio.start_server',
    'asyncio.open_unix_connection',
  ].map((name) => [name, network] as const),
  // The kernel signals the owner of a descriptor on I/O: any pid or group.
  ...['fcntl.F_SETOWN', 'fcntl.F_SETOWN_EX', 'fcntl.F_SETSIG'].map((name) => [name, process] as const),
]);

/** Attributes that lead out of ordinary Python into frames, globals, builtins, classes and code. */
const dunders = new Set([
  '__subclasses__',
  '__globals__',
  '__builtins__',
  '__code__',
  '__closure__',
  '__mro__',
  '__bases__',
  '__base__',
  '__getattribute__',
  '__import__',
  '__loader__',
  '__spec__',
  '__defaults__',
  '__kwdefaults__',
  '__self__',
  '__reduce__',
  '__reduce_ex__',
  'f_back',
  'f_globals',
  'f_locals',
  'f_builtins',
  'f_code',
  'f_trace',
  'gi_frame',
  'gi_code',
  'cr_frame',
  'cr_code',
  'ag_frame',
  'ag_code',
  'tb_frame',
  'co_code',
  'co_consts',
]);

/** Methods that modify files whatever object they are called on (pathlib and friends). */
const writingMethods = new Map<string, StaticRule>([
  ...[
    'write_text',
    'write_bytes',
    'touch',
    'mkdir',
    'chmod',
    'lchmod',
    'symlink_to',
    'hardlink_to',
    'link_to',
  ].map((name) => [name, files('changes the file system')] as const),
  // An event loop's outgoing connection, whatever the loop is called.
  ...['create_connection', 'create_datagram_endpoint', 'sock_connect'].map(
    (name) => [name, network] as const,
  ),
  ...['unlink', 'rmdir'].map((name) => [name, deletes] as const),
]);

export function forbiddenImportRule(moduleName: string): StaticRule | undefined {
  let candidate = moduleName;
  while (candidate) {
    const rule = forbiddenModules.get(candidate);
    if (rule) return rule;
    const dot = candidate.lastIndexOf('.');
    candidate = dot < 0 ? '' : candidate.slice(0, dot);
  }
  return undefined;
}

export function forbiddenNameRule(qualified: string): StaticRule | undefined {
  const name = qualified.replace(/^(builtins|__builtins__)\./, '');
  return forbiddenNames.get(name) ?? forbiddenModules.get(name);
}

/**
 * The rule for a bare name that no import bound: only builtins count (`eval`, `__import__`). A
 * module's name there is an ordinary variable (`code`, `sh`, `commands`): the module itself cannot
 * be reached without an import or a route that is reported on its own.
 */
export function forbiddenBareNameRule(name: string): StaticRule | undefined {
  return forbiddenNames.get(name);
}

export function dunderRule(name: string): StaticRule | undefined {
  return dunders.has(name) ? introspection : undefined;
}

export function methodRule(method: string): StaticRule | undefined {
  return writingMethods.get(method);
}
