/** `taskmark lint`: findings of every plan, as text with code frames, JSON, SARIF or GitHub annotations. */
import { relative } from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import { TmError } from '../../core/errors.js';
import { countBySeverity, lintPlan } from '../../core/lint/engine.js';
import { toGithub } from '../../core/lint/format/github.js';
import { toJson } from '../../core/lint/format/json.js';
import { fileUri, toSarif } from '../../core/lint/format/sarif.js';
import { type Finding, referenceNames, type Severity } from '../../core/lint/types.js';
import type { Plan } from '../../core/model.js';
import { type CommonOptions, loadPlans } from '../context.js';
import { lintSetup } from '../lint-context.js';
import { color, print, printJson, println } from '../output.js';

const FORMATS = ['human', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface LintOptions extends CommonOptions {
  readonly format?: string;
}

export async function run(files: string[], opts: LintOptions): Promise<number> {
  const format = formatOf(opts);
  const setup = lintSetup(opts);
  const plans = await loadPlans(files, setup.loadOptions);
  const byPlan = plans.map((plan) => ({
    plan,
    findings: lintPlan(
      plan,
      plans.length > 1 ? { ...setup.ctx, otherPlans: namesOutside(plans, plan) } : setup.ctx,
      setup.config.lint.rules,
      setup.rules,
    ),
  }));
  const all = byPlan.flatMap((p) => p.findings);
  const rel = (file: string) => relative(process.cwd(), file) || file;
  switch (format) {
    case 'json':
      printJson(toJson(all));
      break;
    case 'sarif':
      printJson(
        toSarif(all, setup.rules, {
          toolVersion: packageJson.version,
          uriOf: (file) => fileUri(rel(file)),
        }),
      );
      break;
    case 'github':
      print(toGithub(all.map((f) => ({ ...f, file: rel(f.file) }))));
      break;
    default:
      for (const { plan, findings } of byPlan) printHuman(plan, findings);
      printSummary(all);
  }
  return countBySeverity(all).error > 0 ? 1 : 0;
}

function formatOf(opts: LintOptions): Format {
  if (opts.json) {
    if (opts.format !== undefined && opts.format !== 'json')
      throw new TmError('TM_USAGE', `--json and --format ${opts.format} disagree; give one of them.`);
    return 'json';
  }
  const f = opts.format ?? 'human';
  if (!(FORMATS as readonly string[]).includes(f))
    throw new TmError('TM_USAGE', `--format must be one of ${FORMATS.join(', ')}, not "${f}".`);
  return f as Format;
}

const SEVERITY_LABEL: Record<Severity, string> = {
  error: color.red('error  '),
  warning: color.yellow('warning'),
  info: color.blue('info   '),
};

function printHuman(plan: Plan, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  println(color.bold(color.underline(plan.file)));
  for (const f of findings) {
    println(
      `  ${color.dim(`${f.line}:${f.column}`.padEnd(8))} ${SEVERITY_LABEL[f.severity]}  ${f.message}  ${color.dim(f.rule)}${f.fix ? color.green(' (fixable)') : ''}`,
    );
    print(codeFrame(plan, f));
  }
  println();
}

/** The finding's lines with one line of context either side, the span underlined on its first line. */
function codeFrame(plan: Plan, f: Finding): string {
  const from = Math.max(1, f.line - 1);
  const to = Math.min(plan.lines.count, Math.min(f.endLine, f.line + 2) + 1);
  const width = String(to).length;
  let out = '';
  for (let n = from; n <= to; n++) {
    const start = plan.lines.start[n - 1]!;
    const line = clip(plan.text.slice(start, plan.lines.end[n - 1]));
    const mark = n >= f.line && n <= f.endLine ? color.red('>') : ' ';
    out += `    ${mark} ${color.dim(`${String(n).padStart(width)} |`)} ${line}\n`;
    if (n === f.line) {
      const lineEnd = plan.lines.end[n - 1]!;
      const col = Math.min(f.column - 1, 160);
      const len = Math.max(1, Math.min(Math.min(f.span.end, lineEnd) - f.span.start, 160 - col));
      out += `      ${' '.repeat(width)} ${color.dim('|')} ${' '.repeat(col)}${color.red('^'.repeat(len))}\n`;
    }
  }
  return out;
}

/** Long lines (a minified table row) are cut for the frame; tabs shown as one space so carets line up. */
function clip(line: string): string {
  const s = line.replace(/\t/g, ' ');
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
}

function printSummary(all: readonly Finding[]): void {
  if (all.length === 0) {
    println(color.green('No problems found.'));
    return;
  }
  const c = countBySeverity(all);
  const fixable = all.filter((f) => f.fix).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const line = `${plural(all.length, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info)`;
  println(c.error > 0 ? color.red(color.bold(`✖ ${line}`)) : color.yellow(color.bold(`⚠ ${line}`)));
  if (fixable > 0)
    println(color.dim(`  ${fixable} can be fixed with \`taskmark fix\` (try --dry-run first).`));
}

/** The IDs and keys of the items of every plan but `plan`, which its dependencies may name. */
function namesOutside(plans: readonly Plan[], plan: Plan): Set<string> {
  return referenceNames(plans.filter((p) => p !== plan).flatMap((p) => p.items));
}
