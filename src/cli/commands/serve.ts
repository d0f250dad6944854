/** `taskmark serve`: the HTTP API, started through the composition root (the CLI does not import the server). */
import { TmError } from '../../core/errors.js';
import type { StoreOptions } from '../store.js';
import type { Surfaces } from '../surfaces.js';

interface ServeOptions extends StoreOptions {
  port?: string;
  host?: string;
  watch?: boolean;
}

export async function run(_args: string[], opts: ServeOptions, surfaces?: Surfaces): Promise<number> {
  if (!surfaces) throw new TmError('TM_USAGE', 'This build of taskmark has no HTTP server.');
  return surfaces.serve({
    port: opts.port,
    host: opts.host,
    watch: opts.watch,
    databaseUrl: opts.databaseUrl,
    json: opts.json,
  });
}
