/**
 * Import: brings the store in step with the plan files. A file whose text is unchanged costs a read
 * and a hash and writes nothing; a changed file becomes a new revision with the events derived
 * against the items the store had; a file that is gone has its items removed. Files that are not
 * readable text (binary, oversized, invalid UTF-8) are skipped with a finding.
 */
import { sep } from 'node:path';
import { type ErrorCode, isTmError } from '../core/errors.js';
import { diffItems } from '../core/events/diff.js';
import type { Plan } from '../core/model.js';
import type { RevisionInput, Store } from '../core/store/port.js';
import { itemRecords } from '../core/store/records.js';
import { discoverPlans } from './discover.js';
import { PreparePool } from './pool.js';
import { type PreparedFile, prepareRecords, sha256 } from './prepare.js';
import { readPlanFile } from './read.js';

export interface ImportSettings {
  readonly root: string;
  readonly plans: {
    readonly include: readonly string[];
    readonly exclude: readonly string[];
    readonly minTasks: number;
    readonly maxBytes: number;
  };
  readonly hoursPerDay: number;
}

export interface ImportFinding {
  readonly file: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface ImportResult {
  /** Plan files found. */
  readonly files: number;
  /** Files stored as a new revision. */
  readonly changed: readonly string[];
  readonly unchanged: number;
  /** Documents whose file is gone. */
  readonly removed: readonly string[];
  readonly events: number;
  readonly findings: readonly ImportFinding[];
}

/** Errors that mean "this file is not a plan taskmark can read": reported, not fatal. */
const SKIPPED: ReadonlySet<ErrorCode> = new Set([
  'TM_BINARY_FILE',
  'TM_BAD_ENCODING',
  'TM_TOO_LARGE',
  'TM_BAD_INPUT',
]);

/**
 * Files and items per write transaction: large enough that commits are a small share of an import,
 * small enough that the batch's texts and rows stay a few megabytes and a concurrent writer waits
 * for a fraction of a second at most.
 */
const BATCH_FILES = 200;
const BATCH_ITEMS = 20_000;
/** A batch at least this big is written early rather than kept while the next plan is still parsing. */
const EARLY_FLUSH_FILES = 20;
/** Changed plans read and handed to the parser ahead of the one being written: a pool stays busy. */
const LOOKAHEAD = 400;
/** From this many changed plans on, the rest are parsed on worker threads (starting them costs ~50 ms). */
const POOL_AFTER = 64;

/** Imports every plan of the workspace into `store`; running it twice in a row changes nothing. */
export async function importWorkspace(store: Store, settings: ImportSettings): Promise<ImportResult> {
  const files = await discoverWorkspacePlans(settings);
  const known = await store.documentHashes();
  const changed: string[] = [];
  const findings: ImportFinding[] = [];
  let unchanged = 0;
  let events = 0;

  // Revisions are written a batch at a time, each batch one transaction: a transaction per file made
  // the database's commit overhead the larger part of a big import.
  let batch: RevisionInput[] = [];
  let batchItems = 0;
  const flush = async () => {
    const results = await store.commitRevisions(batch);
    results.forEach((result, n) => {
      if (result.changed) changed.push(batch[n]!.path);
      events += result.events;
    });
    batch = [];
    batchItems = 0;
  };

  // Changed plans are parsed ahead of the writes, on worker threads once there are enough of them,
  // and written in file order. A parse error surfaces when its plan's turn to be written comes, and
  // so does a file skipped with a finding, which keeps the findings in file order.
  type Outcome = PreparedFile | { readonly finding: ImportFinding };
  interface Prepared {
    readonly path: string;
    readonly outcome: Promise<Outcome>;
    /** Whether `outcome` has settled. */
    ready: boolean;
  }
  const prepared = (path: string, outcome: Promise<Outcome>): Prepared => {
    const p: Prepared = { path, outcome, ready: false };
    // Handled when its turn comes; marked handled now so a failure waiting in line is not "unhandled".
    outcome.then(
      () => {
        p.ready = true;
      },
      () => {
        p.ready = true;
      },
    );
    return p;
  };
  const skipped =
    (path: string) =>
    (e: unknown): Outcome => {
      if (isTmError(e) && SKIPPED.has(e.code))
        return { finding: { file: path, code: e.code, message: e.message } };
      throw e;
    };
  const ahead: Prepared[] = [];
  // Plans the store has never seen are changed for certain: with many of them the pool starts at
  // once, so that no plan is parsed here while this thread's parser is still cold, and the workers
  // read and hash those files too, leaving this thread the database's work.
  const unseen = files.reduce((n, f) => (known.has(f.path) ? n : n + 1), 0);
  let pool: PreparePool | null = unseen > POOL_AFTER ? new PreparePool() : null;
  let submitted = 0;
  const write = async (next: Prepared) => {
    // Rather than wait for the parser with a batch in hand, write the batch: at the start of a big
    // import this thread would otherwise idle until the first full batch was parsed.
    if (!next.ready && batch.length >= EARLY_FLUSH_FILES) await flush();
    const { path } = next;
    const outcome = await next.outcome;
    if ('finding' in outcome) {
      findings.push(outcome.finding);
      return;
    }
    const { text, hash, items } = outcome;
    const before = known.has(path) ? await store.listItems(path) : [];
    batch.push({ path, text, hash, items, events: diffItems(before, items) });
    batchItems += items.length;
    if (batch.length >= BATCH_FILES || batchItems >= BATCH_ITEMS) await flush();
  };

  try {
    for (const { path, abs } of files) {
      let outcome: Promise<Outcome>;
      if (pool !== null && !known.has(path)) {
        outcome = pool
          .prepareFile({ path, abs, maxBytes: settings.plans.maxBytes, hoursPerDay: settings.hoursPerDay })
          .catch(skipped(path));
      } else {
        let text: string;
        try {
          text = readPlanFile(abs, settings.plans.maxBytes).text;
        } catch (e) {
          ahead.push(prepared(path, Promise.resolve(skipped(path)(e))));
          continue;
        }
        const hash = sha256(text);
        if (known.get(path) === hash) {
          unchanged++;
          continue;
        }
        if (pool === null && ++submitted > POOL_AFTER) pool = new PreparePool();
        const job = { path, text, hoursPerDay: settings.hoursPerDay };
        outcome = (pool ? pool.prepare(job) : prepareRecords(job)).then((items) => ({ text, hash, items }));
      }
      ahead.push(prepared(path, outcome));
      if (ahead.length >= LOOKAHEAD) await write(ahead.shift()!);
    }
    for (let next = ahead.shift(); next; next = ahead.shift()) await write(next);
    if (batch.length > 0) await flush();
  } finally {
    await pool?.close();
  }

  const present = new Set(files.map((f) => f.path));
  const removed: string[] = [];
  for (const path of known.keys()) {
    if (present.has(path)) continue;
    const result = await store.removeDocument(path);
    if (result.changed) removed.push(path);
    events += result.events;
  }
  return { files: files.length, changed, unchanged, removed, events, findings };
}

/**
 * Records a plan the caller has just written (a write-back) as its document's new revision, with the
 * events against what the store had: the same as importing it, without reading or discovering files.
 * `plan.file` is the plan's workspace-relative path.
 */
export async function importPlan(store: Store, plan: Plan): Promise<number> {
  const items = itemRecords(plan, plan.file);
  const before = await store.listItems(plan.file);
  const result = await store.commitRevision({
    path: plan.file,
    text: plan.text,
    hash: sha256(plan.text),
    items,
    events: diffItems(before, items),
  });
  return result.events;
}

/**
 * The workspace's plan files, relative to the root with `/` separators: the configured include globs,
 * or files named like plans plus markdown files with at least `minTasks` task items; minus excludes.
 */
async function discoverWorkspacePlans(settings: ImportSettings): Promise<{ path: string; abs: string }[]> {
  const { root, plans } = settings;
  let paths: string[];
  if (plans.include.length > 0) {
    paths = [];
    for (const pattern of plans.include) {
      try {
        paths.push(...(await discoverPlans([pattern], root)));
      } catch (e) {
        // A configured glob that matches nothing today is not an error: the files may come later.
        if (!isTmError(e, 'TM_NOT_FOUND')) throw e;
      }
    }
  } else {
    const named = new Set(await discoverPlans([], root));
    paths = [...named];
    for (const path of await discoverPlans([root], root)) {
      if (!named.has(path) && /\.(?:md|markdown|mdx)$/i.test(path) && hasTasks(root, path, plans))
        paths.push(path);
    }
  }
  const { default: ignore } = await import('ignore');
  const excluded = ignore().add([...plans.exclude]);
  const out = new Map<string, string>();
  for (const p of paths) {
    // Files outside the root (named by an absolute include) keep their absolute path.
    const rel = p.split(sep).join('/');
    if (rel.startsWith('/') || !excluded.ignores(rel))
      out.set(rel, p.startsWith(sep) ? p : `${root}${sep}${p}`);
  }
  return [...out.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, abs]) => ({ path, abs }));
}

const TASK_LINE = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX/!-]\]/gm;

/** True when a markdown file not named like a plan has enough task items to be one. */
function hasTasks(root: string, path: string, plans: ImportSettings['plans']): boolean {
  try {
    const { text } = readPlanFile(`${root}${sep}${path}`, plans.maxBytes);
    let n = 0;
    for (const _ of text.matchAll(TASK_LINE)) if (++n >= plans.minTasks) return true;
    return false;
  } catch {
    // Unreadable files that are not named like plans are not plans.
    return false;
  }
}
