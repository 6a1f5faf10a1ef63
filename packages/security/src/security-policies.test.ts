import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { PluginRegistration, SecurityMode, SecurityPolicy } from '@executer/core';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createSecurityModule } from './create-security-module.js';
import { PermissivePolicy } from './permissive-policy.js';
import { SafePolicy } from './safe-policy.js';

describe('SafePolicy', () => {
  const policy = new SafePolicy();

  it('has one sentence per rule, for the prompt', () => {
    expect(policy.mode).toBe('safe');
    expect(policy.rules.map((rule) => rule.id)).toEqual(
      expect.arrayContaining([
        'file-write',
        'file-delete',
        'network',
        'system-command',
        'process',
        'dynamic-code',
        'module-manipulation',
        'native-code',
      ]),
    );
    for (const rule of policy.rules) expect(rule.summary).toMatch(/^[A-Z].*\.$/);
  });

  it('returns the Python guard of the harness contract', () => {
    const guard = policy.guard('python');
    expect(guard).toMatchObject({
      language: 'python',
      name: 'python-audit-hook',
      settings: { userFilename: '<generated>' },
    });
    expect(guard && isAbsolute(guard.modulePath) && existsSync(guard.modulePath)).toBe(true);
    expect(guard?.modulePath.endsWith('assets/guard.py')).toBe(true);
  });

  it('checks Python only', () => {
    expect(policy.check('import os\nos.system("ls")', 'python').violations).toHaveLength(1);
    expect(policy.check('require("child_process")', 'javascript')).toEqual({ violations: [] });
  });
});

describe('PermissivePolicy', () => {
  it('checks nothing and guards nothing', () => {
    const policy = new PermissivePolicy();
    expect(policy.mode).toBe('permissive');
    expect(policy.rules).toEqual([]);
    expect(policy.check('import os\nos.system("rm -rf /")', 'python')).toEqual({ violations: [] });
    expect(policy.guard('python')).toBeNull();
  });
});

describe('createSecurityModule', () => {
  it('binds "safe" and "permissive" by name', () => {
    const container = new Container();
    container.load(createSecurityModule());
    expect(
      container
        .getAll(PluginRegistration)
        .filter((registration) => registration.kind === 'security-policy')
        .map((registration) => registration.name),
    ).toEqual([SecurityMode.SAFE, SecurityMode.PERMISSIVE]);
  });

  it('builds the policies lazily', () => {
    const container = new Container();
    container.load(createSecurityModule());
    expect(container.isBound(SecurityPolicy, { name: SecurityMode.SAFE })).toBe(true);
  });
});
