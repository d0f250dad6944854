/** `taskmark init`: a config file and a database for the workspace in the current directory. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, DEFAULTS } from '../../config/config.js';
import { describeLocation } from '../../store/open.js';
import { color, printJson, println } from '../output.js';
import { configOf, type StoreOptions, withStore } from '../store.js';

function template(databaseUrl: string | undefined): string {
  return `# taskmark workspace settings (see docs/cli.md in taskmark for every option)
${databaseUrl ? `database:\n  url: ${databaseUrl}` : '# database:\n#   url: postgres://user@host:5432/db   # PostgreSQL for teams; SQLite in .taskmark/ otherwise'}
plans:
  # include: ["docs/**/*.md"]   # globs of plan files; default: files named like plans
  exclude: []
  minTasks: ${DEFAULTS.plans.minTasks}   # a markdown file with at least this many tasks is a plan
`;
}

export async function run(_args: string[], opts: StoreOptions): Promise<number> {
  const path = join(process.cwd(), CONFIG_FILE);
  const createdConfig = !existsSync(path);
  // An existing config is the user's: init never overwrites it.
  if (createdConfig) writeFileSync(path, template(opts.databaseUrl), { flag: 'wx' });
  const config = configOf(opts);
  const documents = await withStore(config, async (store) => (await store.listDocuments()).length);
  const database = describeLocation(config);
  if (opts.json) {
    printJson({ root: config.root, config: path, createdConfig, database, documents });
    return 0;
  }
  println(`${createdConfig ? color.green('created') : color.dim('kept   ')} ${path}`);
  println(`${color.green('ready  ')} ${database}`);
  println(color.dim('next: `taskmark import` reads the plans into the database'));
  return 0;
}
