import { RunnerUnavailableError } from '@executer/core';
import { describe, expect, it } from 'vitest';
import { resolveIsolation } from './resolve-isolation.js';
import { bubblewrapArguments, wrapCommand } from './wrap-command.js';

describe('resolveIsolation', () => {
  const missing = () => ({ kind: 'none' }) as const;
  const present = () => ({ kind: 'bubblewrap', bwrapPath: '/usr/bin/bwrap' }) as const;

  it('"none" never uses bubblewrap', () => {
    expect(resolveIsolation('none', 'subprocess', present)).toEqual({ kind: 'none' });
  });

  it('"auto" uses bubblewrap when it works, and runs without it otherwise', () => {
    expect(resolveIsolation('auto', 'subprocess', present)).toEqual(present());
    expect(resolveIsolation('auto', 'subprocess', missing)).toEqual({ kind: 'none' });
  });

  it('"bubblewrap" fails clearly when bwrap is missing or broken', () => {
    expect(() => resolveIsolation('bubblewrap', 'subprocess', missing)).toThrow(RunnerUnavailableError);
    expect(() => resolveIsolation('bubblewrap', 'subprocess', missing)).toThrow(
      /execution\.isolation is "bubblewrap"/,
    );
  });
});

describe('wrapCommand', () => {
  it('leaves the command alone without isolation', () => {
    expect(wrapCommand({ kind: 'none' }, 'python3', ['-I'], { workingDirectory: '/work' })).toEqual({
      file: 'python3',
      args: ['-I'],
    });
  });

  it('runs under bubblewrap with no network, a read-only root, a private /tmp, and death with the parent', () => {
    const command = wrapCommand(
      { kind: 'bubblewrap', bwrapPath: '/usr/bin/bwrap' },
      '/usr/bin/python3',
      ['-I', 'x.py'],
      {
        workingDirectory: '/tmp/project',
      },
    );
    expect(command.file).toBe('/usr/bin/bwrap');
    const text = command.args.join(' ');
    for (const flag of [
      '--ro-bind / /',
      '--tmpfs /tmp',
      '--unshare-net',
      '--unshare-pid',
      '--die-with-parent',
      '--dev /dev',
      '--proc /proc',
    ]) {
      expect(text).toContain(flag);
    }
    // A working directory under /tmp stays visible (read-only) over the private /tmp.
    expect(text.indexOf('--ro-bind-try /tmp/project /tmp/project')).toBeGreaterThan(
      text.indexOf('--tmpfs /tmp'),
    );
    expect(command.args.slice(-4)).toEqual(['--', '/usr/bin/python3', '-I', 'x.py']);
    expect(bubblewrapArguments({ workingDirectory: '/srv' })).toContain('--chdir');
  });
});
