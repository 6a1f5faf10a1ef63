import { describe, expect, it } from 'vitest';
import { buildChildEnvironment } from './build-child-environment.js';

describe('buildChildEnvironment', () => {
  const host = {
    PATH: '/usr/bin',
    HOME: '/home/me',
    LANG: 'C.UTF-8',
    OPENAI_API_KEY: 'sk-secret',
    MY_SETTING: 'on',
    TZ: undefined,
  };

  it('passes only the base allowlist', () => {
    expect(buildChildEnvironment([], host)).toEqual({ PATH: '/usr/bin', HOME: '/home/me', LANG: 'C.UTF-8' });
  });

  it('adds what the configuration allows, never the rest', () => {
    const environment = buildChildEnvironment(['MY_SETTING', 'ABSENT'], host);
    expect(environment).toEqual({ PATH: '/usr/bin', HOME: '/home/me', LANG: 'C.UTF-8', MY_SETTING: 'on' });
    expect(Object.values(environment)).not.toContain('sk-secret');
  });
});
