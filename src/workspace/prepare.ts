/**
 * What an import does to one changed plan before the database sees it: parse the text and make the
 * store's item records, and for a plan the store has never seen, read and hash its file first. Work
 * on a string (and one file), so it runs the same on the import's own thread and on a worker thread
 * (import-worker.ts), which is how big imports spread it over the machine's cores.
 */
import { createHash } from 'node:crypto';
import { needsYamlParser, parsePlan } from '../core/plan/parse.js';
import type { ItemRecord } from '../core/store/port.js';
import { itemRecords } from '../core/store/records.js';
import { readPlanFile } from './read.js';

export interface PrepareJob {
  /** Workspace-relative path: the plan's name in the store. */
  readonly path: string;
  readonly text: string;
  readonly hoursPerDay: number;
}

/** A plan to read from its file as well: one the store has never seen, so it is changed for certain. */
export interface FileJob {
  readonly path: string;
  /** The file's absolute path. */
  readonly abs: string;
  readonly maxBytes: number;
  readonly hoursPerDay: number;
}

export interface PreparedFile {
  readonly text: string;
  readonly hash: string;
  readonly items: ItemRecord[];
}

/** A plan's text as the store names it: the SHA-256 of its UTF-8 bytes, in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads a plan file (refusing binary, oversized and badly encoded ones with readPlanFile's errors),
 * hashes its text and parses it into the store's item records.
 */
export async function prepareFile(job: FileJob): Promise<PreparedFile> {
  const { text } = readPlanFile(job.abs, job.maxBytes);
  const items = await prepareRecords({ path: job.path, text, hoursPerDay: job.hoursPerDay });
  return { text, hash: sha256(text), items };
}

/** Parses a plan's text into the store's item records. */
export async function prepareRecords(job: PrepareJob): Promise<ItemRecord[]> {
  const parseYaml = needsYamlParser(job.text) ? await yamlParser() : undefined;
  const plan = parsePlan(job.text, {
    file: job.path,
    hoursPerDay: job.hoursPerDay,
    ...(parseYaml ? { parseYaml } : {}),
  });
  return itemRecords(plan, job.path);
}

let yaml: Promise<(s: string) => unknown> | null = null;

/** The YAML front matter parser, loaded once and only for a plan that has such front matter. */
function yamlParser(): Promise<(s: string) => unknown> {
  yaml ??= import('yaml').then(
    ({ parse }) =>
      (s: string) =>
        parse(s, { maxAliasCount: 100 }),
  );
  return yaml;
}
