/**
 * The PostgreSQL the tests use: TASKMARK_TEST_DATABASE_URL or the local server. Each test run gets
 * its own schemas, dropped afterwards. When the server cannot be reached the suites are skipped with
 * a printed line, unless TASKMARK_REQUIRE_PG=1 (CI), where that is a failure.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.TASKMARK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUIRED = process.env.TASKMARK_REQUIRE_PG === '1';

/** Null when PostgreSQL answers; otherwise why not. */
async function unreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when the PostgreSQL suites should run; prints the skip line (or throws when PostgreSQL is required). */
export async function postgresAvailable(suite: string): Promise<boolean> {
  const why = await unreachable();
  if (why === null) return true;
  if (REQUIRED)
    throw new Error(
      `${suite}: PostgreSQL at ${PG_URL} is required (TASKMARK_REQUIRE_PG=1) but unreachable: ${why}`,
    );
  console.log(
    `SKIP ${suite}: PostgreSQL at ${PG_URL} is unreachable (${why}); set TASKMARK_REQUIRE_PG=1 to fail instead.`,
  );
  return false;
}

/** Hands out fresh schema names for this run and drops them all at the end. */
export function schemas() {
  const run = `tm_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const made: string[] = [];
  return {
    next(): string {
      const s = `${run}_${made.length}`;
      made.push(s);
      return s;
    },
    async dropAll(): Promise<void> {
      if (made.length === 0) return;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        for (const s of made.splice(0)) await client.query(`drop schema if exists "${s}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
