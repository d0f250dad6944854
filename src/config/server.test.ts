import { describe, expect, it } from 'vitest';
import { isTmError } from '../core/errors.js';
import { resolveServerConfig, SERVER_DEFAULTS } from './server.js';

describe('resolveServerConfig', () => {
  it('uses the defaults with an empty environment', () => {
    const c = resolveServerConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: SERVER_DEFAULTS.port,
      corsOrigins: [],
      jwtSecret: null,
      admin: null,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads the environment, with flags before it', () => {
    const c = resolveServerConfig(
      {
        TASKMARK_PORT: '9000',
        TASKMARK_HOST: '0.0.0.0',
        TASKMARK_CORS_ORIGINS: 'https://a.example.com, https://b.example.com',
        TASKMARK_ADMIN_EMAIL: 'ops@example.com',
        TASKMARK_ADMIN_PASSWORD: 'long-enough-password',
        TASKMARK_RATE_LIMIT_AUTH: '3',
      },
      { port: '0' },
    );
    expect(c.port).toBe(0);
    expect(c.host).toBe('0.0.0.0');
    expect(c.corsOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(c.admin).toEqual({ email: 'ops@example.com', password: 'long-enough-password' });
    expect(c.rateLimits).toEqual({
      auth: 3,
      write: SERVER_DEFAULTS.rateLimits.write,
      read: SERVER_DEFAULTS.rateLimits.read,
    });
  });

  it('reports every problem at once', () => {
    let problems: string[] = [];
    try {
      resolveServerConfig({
        TASKMARK_PORT: '70000',
        TASKMARK_JWT_SECRET: 'short',
        TASKMARK_ADMIN_EMAIL: 'ops@example.com',
        TASKMARK_CORS_ORIGINS: 'not an origin',
      });
    } catch (e) {
      if (!isTmError(e, 'TM_USAGE')) throw e;
      problems = e.details.problems as string[];
    }
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'TASKMARK_CORS_ORIGINS',
      'TASKMARK_ADMIN_EMAIL and TASKMARK_ADMIN_PASSWORD go together',
      'TASKMARK_PORT',
      'TASKMARK_JWT_SECRET',
    ]);
  });
});
