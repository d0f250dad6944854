/**
 * Runs before every test file: the CLI the tests spawn keeps its parse cache in a temporary
 * directory of this test file's own, never in the user's ~/.cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'taskmark-test-cache-'));
process.env.TASKMARK_CACHE_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
