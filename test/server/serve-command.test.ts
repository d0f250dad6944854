/** `taskmark serve` as a process: starts from the CLI, bootstraps the owner, answers, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/taskmark.js');
const dir = mkdtempSync(join(tmpdir(), 'taskmark-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('taskmark serve', () => {
  it('prints its address as JSON, serves the API with the bootstrapped owner, and exits 0 on SIGTERM', async () => {
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'TODO.md'), '# TODO\n\n- [ ] Oil the hinges\n');
    const env = {
      ...process.env,
      TASKMARK_ADMIN_EMAIL: 'ops@example.com',
      TASKMARK_ADMIN_PASSWORD: 'a-long-admin-password',
      TASKMARK_DATABASE_URL: '',
    };
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json', '--no-watch'], {
      cwd: dir,
      env,
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const first = await new Promise<string>((r) =>
        createInterface({ input: child.stdout }).once('line', r),
      );
      const info = JSON.parse(first) as { url: string; setupUrl: string | null };
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.setupUrl).toBeNull();
      const login = await fetch(`${info.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ops@example.com', password: 'a-long-admin-password' }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const items = await fetch(`${info.url}/api/v1/items`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(((await items.json()) as { items: { title: string }[] }).items.map((i) => i.title)).toEqual([
        'Oil the hinges',
      ]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
