/** Worker thread of a big import: prepares plans (prepare.ts) sent by the import's pool (pool.ts). */
import { parentPort } from 'node:worker_threads';
import { isTmError } from '../core/errors.js';
import type { PoolReply, PoolRequest } from './pool.js';
import { prepareFile, prepareRecords } from './prepare.js';

const port = parentPort;
if (!port) throw new Error('import-worker.js runs as a worker thread of an import');
port.on('message', (request: PoolRequest) => {
  const answer: Promise<PoolReply> =
    'job' in request
      ? prepareRecords(request.job).then((items) => ({ id: request.id, items }))
      : prepareFile(request.file).then((file) => ({ id: request.id, file }));
  answer.then(
    (reply) => port.postMessage(reply),
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
