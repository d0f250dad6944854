/** Search on Postgres (being written). */
import type { Kysely } from 'kysely';
import { TmError } from '../../core/errors.js';
import type { SearchRequest, SearchResult } from '../../core/store/port.js';
import type { Database } from '../schema.js';

export async function searchPostgres(_db: Kysely<Database>, _request: SearchRequest): Promise<SearchResult> {
  throw new TmError('TM_USAGE', 'search is not available yet');
}
