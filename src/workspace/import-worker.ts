/** Worker thread of a big import: prepares plans (prepare.ts) sent by the import's pool (pool.ts). */
import { parentPort } from 'node:worker_threads';
import { isTmError } from '../core/errors.js';
import type { PoolReply, PoolRequest } from './pool.js';
import { prepareRecords } from './prepare.js';

const port = parentPort;
if (!port) throw new Error('import-worker.js runs as a worker thread of an import');
port.on('message', (request: PoolRequest) => {
  prepareRecords(request.job).then(
    (items) => port.postMessage({ id: request.id, items } satisfies PoolReply),
    (e: unknown) =>
      port.postMessage({
        id: request.id,
        error: {
          code: isTmError(e) ? e.code : null,
          message: isTmError(e) ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e),
        },
      } satisfies PoolReply),
  );
});
