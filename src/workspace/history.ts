/**
 * A plan's history from git: the commits that changed it (following renames), each distinct text
 * read through one `git cat-file --batch` process and parsed once, however many commits share it;
 * optionally recorded into the workspace database as revisions with derived events.
 */
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { isTmError, TmError } from '../core/errors.js';
import { diffItems } from '../core/events/diff.js';
import { type PlanVersion, type VersionOutcome, versionProgress } from '../core/history/progress.js';
import { needsYamlParser, parsePlan } from '../core/plan/parse.js';
import type { ItemRecord, Store } from '../core/store/port.js';
import { itemRecords } from '../core/store/records.js';
import { type Blob, BlobReader, fileHistory, repositoryRoot } from './git.js';
import { sha256 } from './prepare.js';
import { decodePlan } from './read.js';

/** Versions larger than this are reported unreadable, as the reader refuses such files. */
const MAX_VERSION_BYTES = 64 * 1024 * 1024;
/** Reads kept in flight, so git answers while the previous version is parsed. */
const LOOKAHEAD = 8;

export interface HistoryReadOptions {
  readonly hoursPerDay: number;
  /** Keep each version's text and items (for recording), under this workspace-relative path. */
  readonly keepAs?: string;
  /** Called after each distinct version is parsed. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A version's text and items, kept for recording. */
export interface KeptVersion {
  readonly text: string;
  readonly items: readonly ItemRecord[];
}

export interface PlanHistoryRead {
  /** The plan's current path relative to the repository root. */
  readonly path: string;
  /** Commits that changed the plan, oldest first. */
  readonly versions: readonly PlanVersion[];
  /** Progress (or the error) of each distinct blob. */
  readonly outcomes: ReadonlyMap<string, VersionOutcome>;
  readonly kept: ReadonlyMap<string, KeptVersion>;
}

/** Reads the history of the plan `file` (a path from `cwd`; it may no longer exist in the working tree). */
export async function readPlanHistory(
  cwd: string,
  file: string,
  options: HistoryReadOptions,
): Promise<PlanHistoryRead> {
  const root = await repositoryRoot(cwd);
  const path = repoPath(root, cwd, file);
  const commits = await fileHistory(root, path);
  const versions: PlanVersion[] = commits.map((c) => ({
    commit: c.commit,
    date: c.date,
    author: c.author,
    subject: c.subject,
    path: c.path,
    blob: c.blob,
  }));
  const blobs = [...new Set(versions.flatMap((v) => (v.blob === null ? [] : [v.blob])))];
  const pathOf = new Map(versions.map((v) => [v.blob, v.path]));
  const outcomes = new Map<string, VersionOutcome>();
  const kept = new Map<string, KeptVersion>();
  const reader = new BlobReader(root);
  let parseYaml: ((s: string) => unknown) | undefined;
  try {
    const pending: (Promise<Blob> | undefined)[] = blobs.slice(0, LOOKAHEAD).map((b) => reader.read(b));
    for (let i = 0; i < blobs.length; i++) {
      const sha = blobs[i]!;
      if (i + LOOKAHEAD < blobs.length) pending.push(reader.read(blobs[i + LOOKAHEAD]!));
      const blob = await pending[i]!;
      // Let the version's bytes go once parsed: long histories need not stay in memory.
      pending[i] = undefined;
      const where = `${pathOf.get(sha) ?? path}@${sha.slice(0, 7)}`;
      try {
        if (blob.type !== 'blob')
          throw new TmError('TM_BAD_INPUT', `${where}: not a file but a git ${blob.type}.`);
        if (blob.bytes.length > MAX_VERSION_BYTES) {
          throw new TmError(
            'TM_TOO_LARGE',
            `${where}: ${blob.bytes.length} bytes is over the limit for a plan.`,
          );
        }
        const text = decodePlan(where, blob.bytes);
        if (!parseYaml && needsYamlParser(text)) parseYaml = await yamlParser();
        const plan = parsePlan(text, {
          file: where,
          hoursPerDay: options.hoursPerDay,
          ...(parseYaml ? { parseYaml } : {}),
        });
        outcomes.set(sha, { ok: true, progress: versionProgress(plan) });
        if (options.keepAs !== undefined) kept.set(sha, { text, items: itemRecords(plan, options.keepAs) });
      } catch (e) {
        // A version that is not a readable plan is a point with an error; anything else stops.
        if (!isTmError(e) || e.code === 'TM_IO') throw e;
        outcomes.set(sha, { ok: false, error: e.message });
      }
      options.onProgress?.(i + 1, blobs.length);
    }
  } finally {
    await reader.close();
  }
  return { path, versions, outcomes, kept };
}

/** `file` relative to the repository root with `/` separators (through symlinked folders too). */
function repoPath(root: string, cwd: string, file: string): string {
  const abs = resolve(realOrSelf(cwd), file);
  return relative(realOrSelf(root), abs).split(sep).join('/');
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

async function yamlParser(): Promise<(s: string) => unknown> {
  const { parse } = await import('yaml');
  return (s) => parse(s, { maxAliasCount: 100 });
}

export interface RecordResult {
  readonly revisions: number;
  readonly events: number;
  /** Why nothing was recorded, when nothing was. */
  readonly skipped: string | null;
}

/**
 * Records the versions as revisions of the document `docPath`, each with the events derived from
 * the version before, so the database's event log starts at the plan's first commit. Only into a
 * database that has no revision of the document yet: revisions are appended, and older versions
 * after newer ones would reverse the log. A deleted version removes the document's items.
 */
export async function recordPlanHistory(
  store: Store,
  docPath: string,
  history: PlanHistoryRead,
): Promise<RecordResult> {
  const existing = await store.getDocument(docPath);
  if (existing && existing.revisions > 0) {
    return {
      revisions: 0,
      events: 0,
      skipped: `the database already has ${existing.revisions} revision(s) of ${docPath}; history is recorded only before the first import, so revisions stay in order`,
    };
  }
  let revisions = 0;
  let events = 0;
  let previous: readonly ItemRecord[] = [];
  for (const v of history.versions) {
    if (v.blob === null) {
      const r = await store.removeDocument(docPath);
      events += r.events;
      previous = [];
      continue;
    }
    const version = history.kept.get(v.blob);
    // An unreadable version is left out: the next readable one is compared with the last one read.
    if (!version) continue;
    const r = await store.commitRevision({
      path: docPath,
      text: version.text,
      hash: sha256(version.text),
      items: version.items,
      events: diffItems(previous, version.items),
    });
    if (r.changed) revisions++;
    events += r.events;
    previous = version.items;
  }
  return { revisions, events, skipped: null };
}
