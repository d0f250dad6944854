import { afterAll, describe } from 'vitest';
import { storeContract } from '../../src/store/contract.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { PG_URL, postgresAvailable, schemas } from './pg.js';

const available = await postgresAvailable('PostgreSQL store contract');
const schema = schemas();
afterAll(() => schema.dropAll());

if (available) {
  storeContract('PostgreSQL', ({ now }) =>
    openPostgresStore(PG_URL, { now, schema: schema.next(), poolSize: 2 }),
  );
} else {
  describe.skip('Store contract: PostgreSQL (server unreachable)', () => {});
}
