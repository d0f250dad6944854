/**
 * The CLI declared once: commands, arguments and options. Commander is built from this table,
 * `--help` comes from it, and docs/cli.md is generated from it (a test fails when the doc drifts).
 * Each command's module is loaded only when that command runs, so start-up stays lean.
 */

export interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  readonly repeatable?: boolean;
}

export interface CommandSpec {
  readonly name: string;
  /** Positional arguments in commander syntax: `<key>`, `[files...]`. */
  readonly args: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

const json: OptionSpec = {
  flags: '--json',
  description: 'print one JSON document on stdout and nothing else',
};
const doneToday: OptionSpec = {
  flags: '--today <date>',
  description: 'the completion date a todo.txt line marked done is given (YYYY-MM-DD; default: today)',
};
const today: OptionSpec = {
  flags: '--today <date>',
  description: 'the date to measure due dates against (YYYY-MM-DD; default: today)',
};
const hours: OptionSpec = {
  flags: '--hours-per-day <n>',
  description: 'working hours in a day, for efforts given in days (default: 8)',
};
const dryRun: OptionSpec = {
  flags: '--dry-run',
  description: 'print the change as a unified diff and write nothing',
};

const noCache: OptionSpec = {
  flags: '--no-cache',
  description:
    'parse every plan afresh instead of reading unchanged plans back from the parse cache (~/.cache/taskmark; TASKMARK_CACHE_DIR moves it)',
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'items',
    args: '[files...]',
    summary: 'list the items of the plans',
    options: [json, today, hours, noCache],
    examples: ['taskmark items', 'taskmark items ROADMAP.md --json'],
  },
  {
    name: 'status',
    args: '[files...]',
    summary: 'progress of each plan: by status, section and priority, effort, overdue items',
    options: [json, today, hours, noCache],
    examples: ['taskmark status', 'taskmark status "docs/**/*.md" --json'],
  },
  {
    name: 'show',
    args: '<key> [files...]',
    summary: 'one item with its children, fields, roll-up and source lines',
    options: [json, today, hours, noCache],
    examples: ['taskmark show MH-001', 'taskmark show "P0-001/Task-1.2" --json'],
  },
  {
    name: 'next',
    args: '[files...]',
    summary: 'the open, unblocked items to do next, ranked with the reasons for each score',
    options: [
      json,
      today,
      hours,
      { flags: '--limit <n>', description: 'show at most n items (default: 10)' },
      noCache,
    ],
    examples: ['taskmark next', 'taskmark next --limit 3 --json'],
  },
  {
    name: 'set',
    args: '<key> <status> [files...]',
    summary:
      "change an item's status (todo, doing, blocked, done, cancelled) by the smallest edit in the plan's own style",
    options: [
      json,
      dryRun,
      { flags: '--children', description: 'tick or untick every checkbox under the item too' },
      doneToday,
      noCache,
    ],
    examples: ['taskmark set MH-001 done', 'taskmark set "P0-001/Task-1.1" doing --dry-run'],
  },
  {
    name: 'add',
    args: '<title> [files...]',
    summary:
      'add an item under a parent item or a section; without either, at the end of a plan with no headings or one section',
    options: [
      json,
      dryRun,
      { flags: '--parent <key>', description: 'add the item as the last child of this item' },
      { flags: '--section <title>', description: 'add the item at the end of the section with this heading' },
      { flags: '--status <status>', description: 'status of the new item (default: todo)' },
      doneToday,
      noCache,
    ],
    examples: [
      'taskmark add "Write the migration guide" --parent MH-003',
      'taskmark add "Buy gutters" --section Roof TODO.md',
      'taskmark add "Call the plumber" TODO.md',
    ],
  },
  {
    name: 'edit',
    args: '<key> [files...]',
    summary:
      "set or clear an item's attributes (priority, owner, due, effort, category, …) in the plan's own style",
    options: [
      json,
      dryRun,
      { flags: '--set <key=value>', description: 'set an attribute (repeatable)', repeatable: true },
      { flags: '--unset <key>', description: 'remove an attribute (repeatable)', repeatable: true },
      doneToday,
      noCache,
    ],
    examples: [
      'taskmark edit MH-002 --set owner=Dana --set due=2026-01-15',
      'taskmark edit MH-002 --unset due',
    ],
  },
  {
    name: 'rm',
    args: '<key> [files...]',
    summary: 'remove an item and its children',
    options: [json, dryRun, noCache],
    examples: ['taskmark rm "roof/gutters"', 'taskmark rm SH-004 --dry-run'],
  },
  {
    name: 'lint',
    args: '[files...]',
    summary:
      'findings: stale dashboards, parent/child and restated statuses, duplicates, overdue items, bad IDs and references, encoding damage; exit 1 on errors',
    options: [
      {
        flags: '--format <format>',
        description:
          'human (default, with code frames), json, sarif (SARIF 2.1.0) or github (workflow annotations)',
      },
      json,
      today,
      hours,
      noCache,
    ],
    examples: [
      'taskmark lint',
      'taskmark lint TODO.md --format sarif > taskmark.sarif',
      'taskmark lint --format github',
    ],
  },
  {
    name: 'fix',
    args: '[files...]',
    summary:
      'apply the safe fixes lint offers (encoding repair, parent status, stale dashboards) by minimal edits; idempotent',
    options: [dryRun, json, today, hours, noCache],
    examples: ['taskmark fix --dry-run', 'taskmark fix TODO.md'],
  },
  {
    name: 'init',
    args: '',
    summary: 'create .taskmark.yml (kept when present) and the workspace database',
    options: [
      json,
      {
        flags: '--database-url <url>',
        description:
          'use PostgreSQL at this postgres:// URL (written to a new .taskmark.yml); default: SQLite in .taskmark/',
      },
    ],
    examples: ['taskmark init', 'taskmark init --database-url postgres://tm@db:5432/taskmark'],
  },
  {
    name: 'import',
    args: '',
    summary:
      'bring the workspace database in step with the plan files: a revision per changed file, events per change',
    options: [
      json,
      { flags: '--watch', description: 'keep running and re-import when files change' },
      {
        flags: '--database-url <url>',
        description: 'PostgreSQL URL (default: TASKMARK_DATABASE_URL, the config, or SQLite)',
      },
    ],
    examples: ['taskmark import', 'taskmark import --watch'],
  },
  {
    name: 'search',
    args: '<query...>',
    summary:
      'search the workspace database: words (ranked), "phrases", prefix*, -excluded, field:value filters, with facet counts',
    options: [
      json,
      { flags: '--limit <n>', description: 'show at most n hits (default: 20)' },
      today,
      {
        flags: '--database-url <url>',
        description: 'PostgreSQL URL (default: TASKMARK_DATABASE_URL, the config, or SQLite)',
      },
    ],
    examples: [
      'taskmark search "priority:P0 status:todo,doing owner:alice due<2026-01-01 tag:docker"',
      'taskmark search migr* --json --limit 5',
    ],
  },
  {
    name: 'backup',
    args: '<file>',
    summary:
      'write a consistent snapshot of the workspace database to a file, restorable into SQLite or PostgreSQL',
    options: [
      json,
      {
        flags: '--format <format>',
        description:
          'sqlite (a database file) or jsonl (one JSON line per row); default: sqlite on SQLite, jsonl on PostgreSQL',
      },
      {
        flags: '--database-url <url>',
        description: 'PostgreSQL URL (default: TASKMARK_DATABASE_URL, the config, or SQLite)',
      },
    ],
    examples: ['taskmark backup backups/taskmark-2026-01-31.db', 'taskmark backup all.jsonl --format jsonl'],
  },
  {
    name: 'restore',
    args: '<file>',
    summary: "replace the workspace database's content with a backup (either format, from either backend)",
    options: [
      json,
      {
        flags: '--database-url <url>',
        description: 'PostgreSQL URL (default: TASKMARK_DATABASE_URL, the config, or SQLite)',
      },
    ],
    examples: [
      'taskmark restore backups/taskmark-2026-01-31.db',
      'TASKMARK_DATABASE_URL=postgres://… taskmark restore all.jsonl',
    ],
  },
  {
    name: 'serve',
    args: '',
    summary:
      'serve the HTTP API (/api/v1, /openapi.json, /docs, /health/*, /metrics) over the workspace database',
    options: [
      {
        flags: '--json',
        description:
          'print one JSON document with the address (and the setup link) on stdout once listening; logs go to stderr',
      },
      {
        flags: '--port <port>',
        description: 'port to listen on, 0 for any free one (default: TASKMARK_PORT or 4470)',
      },
      {
        flags: '--host <host>',
        description:
          'address to listen on (default: TASKMARK_HOST or 127.0.0.1; 0.0.0.0 for every interface)',
      },
      { flags: '--no-watch', description: "don't re-import plans when their files change" },
      {
        flags: '--database-url <url>',
        description: 'PostgreSQL URL (default: TASKMARK_DATABASE_URL, the config, or SQLite)',
      },
    ],
    examples: [
      'TASKMARK_ADMIN_EMAIL=ops@example.com TASKMARK_ADMIN_PASSWORD=… taskmark serve --port 8080',
      'TASKMARK_DATABASE_URL=postgres://tm@db:5432/taskmark taskmark serve --host 0.0.0.0',
    ],
  },
  {
    name: 'history',
    args: '[plans...]',
    summary:
      "a plan's progress over its git history (following renames): done/total and effort remaining per commit, with a sparkline",
    options: [
      json,
      hours,
      {
        flags: '--limit <n>',
        description: 'show the last n commits in the table (default: 20; --json has all)',
      },
      {
        flags: '--no-record',
        description:
          "don't record the versions and their events into the workspace database (recorded when the database exists and has not seen the plan)",
      },
      {
        flags: '--database-url <url>',
        description: 'PostgreSQL URL (default: TASKMARK_DATABASE_URL, the config, or SQLite)',
      },
    ],
    examples: ['taskmark history ROADMAP.md', 'taskmark history docs/PLAN.md --json --no-record'],
  },
  {
    name: 'sync',
    args: '[files...]',
    summary:
      'rewrite dashboards to the truth: regenerate managed progress blocks (`<!-- taskmark:progress -->` … `<!-- /taskmark -->`), optionally adopt or update hand-written ones',
    options: [
      json,
      dryRun,
      hours,
      {
        flags: '--check',
        description: 'write nothing; exit 1 and list what is stale when any dashboard would change (for CI)',
      },
      {
        flags: '--adopt',
        description:
          'turn recognised progress tables and whole-plan counter lines into managed blocks (regenerated from then on)',
      },
      {
        flags: '--unmanaged',
        description:
          'also rewrite the figures of recognised hand-written dashboards in place, keeping their layout',
      },
      noCache,
    ],
    examples: [
      'taskmark sync',
      'taskmark sync ROADMAP.md --check',
      'taskmark sync TODO.md --unmanaged --dry-run',
    ],
  },
];
