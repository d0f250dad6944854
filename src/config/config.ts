/**
 * Configuration resolves once, here: defaults, then `.taskmark.yml`, then the environment, then flags,
 * into one frozen object. This is the only module that reads environment variables (they are passed in),
 * and every problem found is reported together so a user fixes the file in one pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { TmError } from '../core/errors.js';
import { type LintContext, SEVERITIES, type Severity } from '../core/lint/types.js';

export const CONFIG_FILE = '.taskmark.yml';

export type RuleSetting = Severity | 'off';

export const DEFAULTS = {
  hoursPerDay: 8,
  plans: {
    include: [] as string[],
    exclude: [] as string[],
    /** A markdown file not named like a plan is one when it has at least this many task items. */
    minTasks: 5,
    maxBytes: 64 * 1024 * 1024,
  },
  lint: {
    similarity: 0.9,
    dueSoonDays: 7,
  },
} as const;

export interface ResolvedConfig {
  /** The workspace root: the nearest folder with `.taskmark.yml` or `.git`, else the working directory. */
  readonly root: string;
  /** The config file that was read, or null. */
  readonly file: string | null;
  /** A postgres:// URL when the workspace uses PostgreSQL, else null (SQLite). */
  readonly databaseUrl: string | null;
  /** The SQLite database file used when `databaseUrl` is null. */
  readonly databasePath: string;
  readonly plans: {
    readonly include: readonly string[];
    readonly exclude: readonly string[];
    readonly minTasks: number;
    readonly maxBytes: number;
  };
  /** The date lint and ranking treat as today (YYYY-MM-DD), or null for the real date. */
  readonly today: string | null;
  readonly hoursPerDay: number;
  readonly lint: {
    readonly rules: Readonly<Record<string, RuleSetting>>;
    readonly similarity: number;
    readonly dueSoonDays: number;
  };
}

export interface ConfigFlags {
  readonly today?: string | undefined;
  readonly hoursPerDay?: string | number | undefined;
  readonly databaseUrl?: string | undefined;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a calendar date');
const hours = z.coerce.number().gt(0, 'must be more than 0').lte(24, 'must be at most 24');
const dbUrl = z
  .string()
  .regex(/^postgres(?:ql)?:\/\//, 'must be a postgres:// URL (leave it unset to use the embedded SQLite)');
const ruleSetting = z.union([z.enum(['off', ...SEVERITIES]), z.boolean()]);

const fileSchema = z
  .object({
    today: z.union([isoDate, z.date()]).optional(),
    hoursPerDay: hours.optional(),
    database: z
      .object({ url: dbUrl.optional(), path: z.string().min(1).optional() })
      .strict()
      .optional(),
    plans: z
      .object({
        include: z.array(z.string().min(1)).optional(),
        exclude: z.array(z.string().min(1)).optional(),
        minTasks: z.number().int().min(1).optional(),
        maxBytes: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    lint: z
      .object({
        rules: z.record(z.string(), ruleSetting).optional(),
        similarity: z.number().gt(0).lte(1).optional(),
        dueSoonDays: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

type FileConfig = z.infer<typeof fileSchema>;

/** The nearest folder at or above `cwd` holding `.taskmark.yml` or `.git`; `cwd` itself when none does. */
function findRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(cwd);
    dir = up;
  }
}

/** Resolves and validates the configuration; throws one TmError listing every problem. */
export function resolveConfig(input: {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  flags?: ConfigFlags;
}): ResolvedConfig {
  const root = findRoot(input.cwd);
  const path = join(root, CONFIG_FILE);
  const problems: string[] = [];
  const file = existsSync(path) ? readConfigFile(path, problems) : null;
  const flags = input.flags ?? {};
  const env = input.env;

  const today = pick(problems, isoDate, [
    ['--today', flags.today],
    ['TASKMARK_TODAY', env.TASKMARK_TODAY],
  ]);
  const hoursPerDay = pick(problems, hours, [
    ['--hours-per-day', flags.hoursPerDay],
    ['TASKMARK_HOURS_PER_DAY', env.TASKMARK_HOURS_PER_DAY],
  ]);
  const databaseUrl = pick(problems, dbUrl, [
    ['--database-url', flags.databaseUrl],
    ['TASKMARK_DATABASE_URL', env.TASKMARK_DATABASE_URL],
  ]);
  if (problems.length > 0) {
    throw new TmError(
      'TM_USAGE',
      `taskmark's configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      {
        problems,
      },
    );
  }
  const fileToday = file?.today instanceof Date ? file.today.toISOString().slice(0, 10) : file?.today;
  const rules: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(file?.lint?.rules ?? {}))
    rules[id] = v === true ? 'warning' : v === false ? 'off' : v;
  const dbPath = file?.database?.path;
  return deepFreeze({
    root,
    file: file ? path : null,
    databaseUrl: databaseUrl ?? file?.database?.url ?? null,
    databasePath: dbPath ? resolve(root, dbPath) : join(root, '.taskmark', 'taskmark.db'),
    plans: {
      include: file?.plans?.include ?? [...DEFAULTS.plans.include],
      exclude: file?.plans?.exclude ?? [...DEFAULTS.plans.exclude],
      minTasks: file?.plans?.minTasks ?? DEFAULTS.plans.minTasks,
      maxBytes: file?.plans?.maxBytes ?? DEFAULTS.plans.maxBytes,
    },
    today: today ?? fileToday ?? null,
    hoursPerDay: hoursPerDay ?? file?.hoursPerDay ?? DEFAULTS.hoursPerDay,
    lint: {
      rules,
      similarity: file?.lint?.similarity ?? DEFAULTS.lint.similarity,
      dueSoonDays: file?.lint?.dueSoonDays ?? DEFAULTS.lint.dueSoonDays,
    },
  });
}

function readConfigFile(path: string, problems: string[]): FileConfig | null {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: 100 });
  } catch (e) {
    problems.push(`${path}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
    return null;
  }
  if (raw === null || raw === undefined) return {};
  const parsed = fileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    problems.push(`${path}: ${where}: ${issue.message}`);
  }
  return null;
}

/** The first value given among `sources` (flags before environment), validated. */
function pick<T>(
  problems: string[],
  schema: z.ZodType<T>,
  sources: readonly (readonly [string, unknown])[],
): T | undefined {
  for (const [name, value] of sources) {
    if (value === undefined || value === '') continue;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    problems.push(`${name}: "${String(value)}" ${r.error.issues[0]?.message ?? 'is not valid'}`);
    return undefined;
  }
  return undefined;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Lint's context from the configuration (or its defaults where a surface has none), measured against `today`. */
export function lintContextOf(
  config: { readonly hoursPerDay: number; readonly lint?: ResolvedConfig['lint'] | undefined },
  today: string,
): LintContext {
  return {
    today,
    dueSoonDays: config.lint?.dueSoonDays ?? DEFAULTS.lint.dueSoonDays,
    similarity: config.lint?.similarity ?? DEFAULTS.lint.similarity,
    hoursPerDay: config.hoursPerDay,
  };
}
