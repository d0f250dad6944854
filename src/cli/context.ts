/** What every command shares: finding and parsing the plans, resolving options, writing edits back. */
import { resolve } from 'node:path';
import { TmError } from '../core/errors.js';
import type { Plan } from '../core/model.js';
import { discoverPlans } from '../workspace/discover.js';
import { BUILD_ID, defaultCacheDir, ParseCache } from '../workspace/parse-cache.js';
import { readPlanFile } from '../workspace/read.js';

export interface CommonOptions {
  readonly json?: boolean;
  readonly today?: string;
  readonly hoursPerDay?: string;
  readonly dryRun?: boolean;
  /** False with `--no-cache`: parse every plan instead of reading unchanged ones' models back. */
  readonly cache?: boolean;
}

/** Reads and parses the plans named by `files` (or found under the current directory). */
export async function loadPlans(files: readonly string[], opts: CommonOptions): Promise<Plan[]> {
  const paths = await discoverPlans(files, process.cwd());
  if (paths.length === 0) {
    throw new TmError(
      'TM_NOT_FOUND',
      'No plan files here: name the files (`taskmark status PLAN.md`) or add a TODO.md or ROADMAP.md.',
    );
  }
  const hoursPerDay = hoursOf(opts);
  const read = paths.flatMap((path) => readDiscovered(path, files.length === 0));
  if (read.length === 0)
    throw new TmError('TM_BAD_INPUT', 'None of the plan files found here is readable text (see above).');
  const cache =
    opts.cache !== false && BUILD_ID !== null ? new ParseCache(defaultCacheDir(), BUILD_ID) : null;
  const keys = read.map(({ path }) => ({ path: resolve(path), hoursPerDay }));
  const plans = read.map(({ path, text }, i) => cache?.load(keys[i]!, text, path) ?? null);
  const missed = read.filter((_, i) => plans[i] === null);
  if (missed.length === 0) return plans as Plan[];
  // The parser is loaded only when some plan must be parsed (a command whose plans all come from
  // the cache does without it), the YAML parser only when some plan to parse has front matter.
  const { needsYamlParser, parsePlan } = await import('../core/plan/parse.js');
  const parseYaml = missed.some((f) => needsYamlParser(f.text)) ? await yamlParser() : undefined;
  return read.map(({ path, text }, i) => {
    const cached = plans[i];
    if (cached) return cached;
    const plan = parsePlan(text, { file: path, hoursPerDay, ...(parseYaml ? { parseYaml } : {}) });
    cache?.save(keys[i]!, plan);
    return plan;
  });
}

/** Files nobody named that turn out not to be text (a binary `todo.dat`) are skipped with a warning, not fatal. */
const SKIPPABLE = new Set(['TM_BINARY_FILE', 'TM_BAD_ENCODING', 'TM_TOO_LARGE', 'TM_BAD_INPUT']);

function readDiscovered(path: string, discovered: boolean): { path: string; text: string }[] {
  try {
    return [readPlanFile(path)];
  } catch (e) {
    if (!(discovered && e instanceof TmError && SKIPPABLE.has(e.code))) throw e;
    process.stderr.write(`taskmark: skipping ${e.message}\n`);
    return [];
  }
}

/** YAML front matter parser with alias expansion bounded (hostile documents cannot blow up memory). */
async function yamlParser(): Promise<(s: string) => unknown> {
  const { parse } = await import('yaml');
  return (s) => parse(s, { maxAliasCount: 100 });
}

export function hoursOf(opts: CommonOptions): number {
  if (opts.hoursPerDay === undefined) return 8;
  const n = Number(opts.hoursPerDay);
  if (!(n > 0 && n <= 24))
    throw new TmError(
      'TM_USAGE',
      `--hours-per-day must be a number between 0 and 24, not "${opts.hoursPerDay}".`,
    );
  return n;
}

/** The --today date, or today's local date. */
export function todayOf(opts: CommonOptions): string {
  if (opts.today === undefined) {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today) || Number.isNaN(Date.parse(`${opts.today}T00:00:00Z`))) {
    throw new TmError('TM_USAGE', `--today must be a date like 2026-01-31, not "${opts.today}".`);
  }
  return opts.today;
}
