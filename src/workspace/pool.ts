/**
 * A pool of worker threads that prepare plans (read, hash and parse them into item records) for a big
 * import, so that work runs on other cores while the import's own thread writes the previous batch. If a worker
 * cannot start or dies (a runtime that cannot load it, say), its jobs and all later ones run on the
 * calling thread instead: the pool changes where the work runs, never its result.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, TmError } from '../core/errors.js';
import type { ItemRecord } from '../core/store/port.js';
import { type FileJob, type PreparedFile, type PrepareJob, prepareFile, prepareRecords } from './prepare.js';

export type PoolRequest =
  | { readonly id: number; readonly job: PrepareJob }
  | { readonly id: number; readonly file: FileJob };

export type PoolReply =
  | { readonly id: number; readonly items: ItemRecord[] }
  | { readonly id: number; readonly file: PreparedFile }
  | { readonly id: number; readonly error: { readonly code: ErrorCode | null; readonly message: string } };

/**
 * The worker's module: the built import-worker.js beside this module in dist/. Run from source (tests,
 * benchmarks) this module is TypeScript, which a worker thread cannot load, so it uses the build's
 * worker (`npm run build`, which the test and benchmark scripts run first); without one, the pool
 * falls back to the calling thread.
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/import-worker.js', import.meta.url)
  : new URL('./import-worker.js', import.meta.url);

interface Pending {
  /** The job, run here if the pool breaks down before a worker answers. */
  readonly run: () => Promise<unknown>;
  readonly resolve: (answer: unknown) => void;
  readonly reject: (e: unknown) => void;
}

export class PreparePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private nextWorker = 0;
  private broken = false;

  /** Workers for a machine's spare cores (none on a single core); `url` is for tests. */
  constructor(size = defaultPoolSize(), url: URL = WORKER_URL) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url);
      worker.on('message', (reply: PoolReply) => this.settle(reply));
      worker.on('error', () => this.breakDown());
      worker.on('exit', (code) => {
        if (code !== 0 || this.pending.size > 0) this.breakDown();
      });
      this.workers.push(worker);
    }
    if (size === 0) this.broken = true;
  }

  /** Item records of one plan, prepared on a worker (or here, once the pool has broken down). */
  prepare(job: PrepareJob): Promise<ItemRecord[]> {
    return this.submit(
      (id) => ({ id, job }),
      () => prepareRecords(job),
    );
  }

  /** A plan read from its file, hashed and prepared on a worker (or here, once the pool has broken down). */
  prepareFile(file: FileJob): Promise<PreparedFile> {
    return this.submit(
      (id) => ({ id, file }),
      () => prepareFile(file),
    );
  }

  private submit<T>(request: (id: number) => PoolRequest, run: () => Promise<T>): Promise<T> {
    if (this.broken) return run();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { run, resolve: resolve as (answer: unknown) => void, reject });
      const worker = this.workers[this.nextWorker++ % this.workers.length]!;
      worker.postMessage(request(id));
    });
  }

  /** Stops the workers; jobs not answered yet are refused (the import that asked for them has ended). */
  async close(): Promise<void> {
    this.broken = true;
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const p of left) p.reject(new Error('the import ended before this plan was prepared'));
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }

  private settle(reply: PoolReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if ('items' in reply) p.resolve(reply.items);
    else if ('file' in reply) p.resolve(reply.file);
    else
      p.reject(
        reply.error.code === null
          ? new Error(reply.error.message)
          : new TmError(reply.error.code, reply.error.message),
      );
  }

  /** Every job not answered runs here instead, and so does every later one. */
  private breakDown(): void {
    if (this.broken && this.workers.length === 0) return;
    this.broken = true;
    const workers = this.workers.splice(0);
    for (const w of workers) void w.terminate();
    const left = [...this.pending.values()];
    this.pending.clear();
    for (const p of left) p.run().then(p.resolve, p.reject);
  }
}

/** One worker per core beyond the import's own, at most four: the import's thread writes meanwhile. */
function defaultPoolSize(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}
