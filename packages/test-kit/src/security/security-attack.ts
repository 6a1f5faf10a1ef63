/** What an attack tries to do, observed from outside the Python process. */
export type AttackEffect =
  /** Anything in the attack's sandbox folder changes: a canary written, deleted, renamed, chmod-ed, a file created. */
  | 'files'
  /** A TCP connection reaches the listener the test opens on 127.0.0.1. */
  | 'network'
  /** The victim process the test starts dies. */
  | 'victim';

export type AttackCategory =
  | 'file-write'
  | 'file-delete'
  | 'network'
  | 'system-command'
  | 'process'
  | 'signal'
  | 'native-code'
  | 'dynamic-code'
  | 'guard-bypass';

/**
 * One attack program. The code sees SANDBOX (a folder holding canary.txt, sub/inner.txt and
 * empty/), CANARY, MARKER (a path that does not exist yet), PORT (a listening TCP port on
 * 127.0.0.1) and VICTIM (the pid of a process it may try to kill) as Python globals.
 */
export interface SecurityAttack {
  name: string;
  category: AttackCategory;
  effect: AttackEffect;
  code: string;
  /** The effect happens when the interpreter exits (atexit, finalisers, threads), not while the code runs. */
  atExit: boolean;
}
