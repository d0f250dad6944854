/**
 * What an import does to one changed plan before the database sees it: parse the text and make the
 * store's item records. Pure work on a string, so it runs the same on the import's own thread and on
 * a worker thread (import-worker.ts), which is how big imports spread it over the machine's cores.
 */
import { needsYamlParser, parsePlan } from '../core/plan/parse.js';
import type { ItemRecord } from '../core/store/port.js';
import { itemRecords } from '../core/store/records.js';

export interface PrepareJob {
  /** Workspace-relative path: the plan's name in the store. */
  readonly path: string;
  readonly text: string;
  readonly hoursPerDay: number;
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
