/**
 * Checking dashboards against the plan's items: for each claim, the figures that are stale, what
 * is true, and edits that rewrite only those figures (a table cell keeps its padding).
 *
 * A figure is checked only when taskmark knows what it counts: its scope resolves, and every unit
 * the figure could be counted in (top-level items, leaf items; narrowed to those whose total the
 * dashboard states) gives the same answer. Anything else is left alone: a false alarm on a
 * hand-written dashboard is worse than a miss.
 */
import type { Edit } from '../edit/splice.js';
import type { Plan, Span, Status } from '../model.js';
import { type PlanBlocks, planBlocks } from './blocks.js';
import { findManagedBlocks, type ManagedBlock, type MarkerProblem } from './markers.js';
import { type Claim, findClaims } from './recognise.js';
import { barAgrees, barCells, formatPercent, type Num, percentAgrees, renderBar } from './tokens.js';
import { COUNT_UNITS, isGenericLabel, scopeKey, type Tally, Truth, type Unit } from './truth.js';

export type DashboardRuleId = 'dashboard-stale' | 'progress-bar-mismatch' | 'status-column-mismatch';

/** One stale claim: where, what it says, what is true, and the edits that make it true. */
export interface Mismatch {
  readonly rule: DashboardRuleId;
  readonly span: Span;
  /** 1-based. */
  readonly line: number;
  readonly says: string;
  readonly truth: string;
  readonly message: string;
  /** Null when the figures cannot be rewritten in place (inside damaged text). */
  readonly edits: readonly Edit[] | null;
}

export interface DashboardReport {
  readonly blocks: PlanBlocks;
  readonly truth: Truth;
  readonly claims: readonly Claim[];
  readonly managed: readonly ManagedBlock[];
  readonly problems: readonly MarkerProblem[];
  readonly mismatches: readonly Mismatch[];
}

const cache = new WeakMap<Plan, Map<number, DashboardReport>>();

/**
 * Recognises the plan's dashboards and checks them against its items (computed once per plan).
 * `hoursPerDay` converts effort counters written in days (`0/3d`); use the value the plan was parsed with.
 */
export function analyseDashboards(plan: Plan, hoursPerDay = 8): DashboardReport {
  const byHours = cache.get(plan) ?? new Map<number, DashboardReport>();
  cache.set(plan, byHours);
  const hit = byHours.get(hoursPerDay);
  if (hit) return hit;
  const blocks = planBlocks(plan);
  const { blocks: managed, problems } = findManagedBlocks(plan, blocks.kinds);
  const truth = new Truth(plan);
  const claims = findClaims(plan, blocks, managed, truth);
  const units = chooseUnits(claims, truth);
  // The words each table's status column already uses, so a rewritten cell speaks the same way.
  const words = new Map<number, Map<Status, string>>();
  for (const c of claims) {
    if (!c.status || c.group === 0) continue;
    const w = words.get(c.group) ?? new Map<Status, string>();
    if (!w.has(c.status.status)) w.set(c.status.status, c.status.text);
    words.set(c.group, w);
  }
  const mismatches = claims.flatMap((c, i) =>
    checkClaim(c, units[i]!, truth, hoursPerDay, words.get(c.group)),
  );
  const report = { blocks, truth, claims, managed, problems, mismatches };
  byHours.set(hoursPerDay, report);
  return report;
}

function matchingUnits(c: Claim, truth: Truth): Unit[] {
  if (!c.scope || !c.total || c.measure === 'effort') return [];
  const units: readonly Unit[] = c.measure === 'phases' ? ['phase'] : COUNT_UNITS;
  return units.filter((u) => truth.tally(c.scope!, u)?.total === c.total!.value);
}

/**
 * The units each claim may be counted in: those matching its own stated total; else the unit the
 * other rows of its table match most; else a unit another claim about the same scope pinned; else
 * all of them (and then only figures on which they all agree are checked).
 */
function chooseUnits(claims: readonly Claim[], truth: Truth): Unit[][] {
  const votes = new Map<number, Map<Unit, number>>();
  const pins = new Map<string, Set<Unit>>();
  const matched = claims.map((c) => matchingUnits(c, truth));
  claims.forEach((c, i) => {
    const m = matched[i]!;
    if (m.length === 0 || !c.scope) return;
    if (c.group > 0) {
      const v = votes.get(c.group) ?? new Map<Unit, number>();
      for (const u of m) v.set(u, (v.get(u) ?? 0) + 1);
      votes.set(c.group, v);
    }
    const k = scopeKey(c.scope);
    const p = pins.get(k) ?? new Set<Unit>();
    for (const u of m) p.add(u);
    pins.set(k, p);
  });
  return claims.map((c, i) => {
    if (!c.scope || c.measure === 'effort') return [];
    if (c.measure === 'phases') return matched[i]!;
    const favourite = [...(votes.get(c.group) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
    const m = matched[i]!;
    if (m.length > 0) return favourite && m.includes(favourite) ? [favourite] : m;
    if (c.total) return [...COUNT_UNITS];
    if (favourite) return [favourite];
    const pinned = pins.get(scopeKey(c.scope));
    return pinned && pinned.size > 0 ? [...pinned] : [...COUNT_UNITS];
  });
}

/** The one value every tally gives, or undefined when they disagree (or there are none). */
function same<T>(tallies: readonly Tally[], f: (t: Tally) => T): T | undefined {
  if (tallies.length === 0) return undefined;
  const first = f(tallies[0]!);
  return tallies.every((t) => f(t) === first) ? first : undefined;
}

/**
 * An effort counter (`0/18h`) against the estimates of its scope: checked only when the estimates
 * add up to the total it states, so the done part is the one thing in question.
 */
function effortTallies(c: Claim, truth: Truth, hoursPerDay: number): Tally[] {
  if (!c.scope || !c.total || !c.effortUnit) return [];
  const per = c.effortUnit === 'h' ? 60 : hoursPerDay * 60;
  const e = truth.effort(c.scope);
  if (!e || e.total !== c.total.value * per) return [];
  return [{ total: c.total.value, done: Math.round((e.done / per) * 10) / 10, doing: 0 }];
}

function unitWord(c: Claim): string {
  return c.effortUnit === 'd' ? 'days' : 'hours';
}

function derive(t: Tally): Status {
  if (t.total > 0 && t.done === t.total) return 'done';
  return t.done > 0 || t.doing > 0 ? 'doing' : 'todo';
}

const STATUS_WORD: Record<'todo' | 'doing' | 'done', string> = {
  todo: 'Not Started',
  doing: 'In Progress',
  done: 'Complete',
};

interface Replacement {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** What the items say, figure by figure; undefined where the plausible units disagree. */
interface Expected {
  readonly tallies: readonly Tally[];
  readonly word: string;
  readonly decimals: number;
  readonly done: number | undefined;
  readonly total: number | undefined;
  readonly remaining: number | undefined;
  readonly percent: string | undefined;
}

function checkClaim(
  c: Claim,
  units: readonly Unit[],
  truth: Truth,
  hoursPerDay: number,
  columnWords: ReadonlyMap<Status, string> | undefined,
): Mismatch[] {
  let tallies =
    c.measure === 'effort'
      ? effortTallies(c, truth, hoursPerDay)
      : c.scope
        ? units.map((u) => truth.tally(c.scope!, u)).filter((t): t is Tally => t !== null)
        : [];
  // A stated total says which way of counting the claim means. When the ways disagree and none
  // gives that total, what the claim counts is unknown: its other figures are not checked either
  // (rewriting the done count beside a total from another count would mix two measures).
  let countsKnown = true;
  if (c.total && c.measure !== 'effort' && tallies.length > 1) {
    const matching = tallies.filter((t) => t.total === c.total!.value);
    if (matching.length > 0) tallies = matching;
    else if (same(tallies, (t) => t.total) === undefined) countsKnown = false;
  }
  const decimals = c.percent?.decimals ?? 0;
  const exp: Expected = {
    tallies,
    word: c.measure === 'phases' ? 'phases' : c.measure === 'effort' ? unitWord(c) : 'items',
    decimals,
    done: same(tallies, (t) => t.done),
    total: same(tallies, (t) => t.total),
    remaining: same(tallies, (t) => t.total - t.done),
    percent: same(tallies, (t) => formatPercent(t.done, t.total, decimals)),
  };
  const stale =
    countsKnown &&
    ((c.done && exp.done !== undefined && c.done.value !== exp.done) ||
      (c.total && exp.total !== undefined && c.total.value !== exp.total) ||
      (c.remaining && exp.remaining !== undefined && c.remaining.value !== exp.remaining) ||
      (c.percent &&
        exp.percent !== undefined &&
        !tallies.some((t) => percentAgrees(c.percent!.value, t.done, t.total, decimals))));
  const out = stale ? [staleFinding(c, exp)] : ownNumbersFindings(c, exp);
  const status = statusFinding(c, exp, truth, columnWords);
  return status ? [...out, status] : out;
}

/** The claim rewritten to the truth: every figure the items determine, the percentage and bar after them. */
function staleFinding(c: Claim, exp: Expected): Mismatch {
  const rep: Replacement[] = [];
  const put = (n: Num | undefined, value: number | undefined) => {
    if (n && value !== undefined && n.value !== value)
      rep.push({ from: n.from, to: n.to, text: String(value) });
  };
  put(c.done, exp.done);
  put(c.doneTwin, exp.done);
  put(c.total, exp.total);
  put(c.totalTwin, exp.total);
  put(c.remaining, exp.remaining);
  // The numbers the claim will show: the truth where it is known, else its own.
  const newDone = c.done ? (exp.done ?? c.done.value) : exp.done;
  const newTotal = c.total ? (exp.total ?? c.total.value) : exp.total;
  const known = newDone !== undefined && newTotal !== undefined;
  const pct =
    known && (c.done || exp.percent === undefined)
      ? formatPercent(newDone, newTotal, exp.decimals)
      : exp.percent;
  if (c.percent && pct !== undefined) {
    const keeps = known
      ? percentAgrees(c.percent.value, newDone, newTotal, exp.decimals)
      : c.percent.value === Number(pct);
    if (!keeps) rep.push({ from: c.percent.from, to: c.percent.to, text: pct });
  }
  if (c.bar) {
    const cells = known
      ? barCells(newDone, newTotal, c.bar.width)
      : pct !== undefined
        ? barCells(Number(pct), 100, c.bar.width)
        : undefined;
    if (cells !== undefined && cells !== c.bar.full) {
      rep.push({ from: c.bar.from, to: c.bar.to, text: renderBar(c.bar, cells) });
    }
  }
  const { done, total, word } = exp;
  const truthText =
    !c.done && !c.percent && !c.remaining && total !== undefined
      ? `there are ${total} ${word}`
      : c.remaining && !c.done && !c.percent && exp.remaining !== undefined && total !== undefined
        ? `${exp.remaining} of ${total} ${word} ${exp.remaining === 1 ? 'is' : 'are'} not done`
        : done !== undefined && total !== undefined
          ? `${done} of ${total} ${word} ${done === 1 ? 'is' : 'are'} done (${formatPercent(done, total, exp.decimals)}%)`
          : exp.percent !== undefined
            ? `${exp.percent}% of its ${word} are done`
            : total !== undefined
              ? `there are ${total} ${word}`
              : `${exp.remaining} ${word} remain`;
  return mismatch(c, 'dashboard-stale', truthText, rep);
}

/** The claim against its own numbers: a percentage or a bar that disagrees with the counter beside it. */
function ownNumbersFindings(c: Claim, exp: Expected): Mismatch[] {
  const out: Mismatch[] = [];
  const own = c.done && c.total ? ([c.done.value, c.total.value] as const) : null;
  if (c.percent && own && !percentAgrees(c.percent.value, own[0], own[1], exp.decimals)) {
    const pct = formatPercent(own[0], own[1], exp.decimals);
    out.push(
      mismatch(c, 'dashboard-stale', `${own[0]}/${own[1]} is ${pct}%`, [
        { from: c.percent.from, to: c.percent.to, text: pct },
      ]),
    );
  }
  const ratio: readonly [number, number] | null =
    own ??
    (c.percent
      ? [c.percent.value, 100]
      : exp.done !== undefined && exp.total !== undefined
        ? [exp.done, exp.total]
        : null);
  if (c.bar && ratio && !barAgrees(c.bar, ratio[0], ratio[1])) {
    const cells = barCells(ratio[0], ratio[1], c.bar.width);
    const shown = Math.round((c.bar.full / c.bar.width) * 100);
    const numbers = own
      ? `${c.line.text.slice(c.done!.from, c.total!.to + (c.measure === 'effort' ? 1 : 0))} (${formatPercent(own[0], own[1], 0)}%)`
      : `${formatPercent(ratio[0], ratio[1], exp.decimals)}%`;
    out.push({
      ...mismatch(
        c,
        'progress-bar-mismatch',
        `its numbers say ${numbers}`,
        [{ from: c.bar.from, to: c.bar.to, text: renderBar(c.bar, cells) }],
        c.bar,
      ),
      message: `Progress bar${c.label ? ` for ${c.label}` : ''} shows ${shown}% (${c.bar.full} of ${c.bar.width} cells filled) but its numbers say ${numbers}`,
    });
  }
  return out;
}

/** A status cell against the status its row's items add up to (all done: complete; any started: in progress). */
function statusFinding(
  c: Claim,
  exp: Expected,
  truth: Truth,
  columnWords: ReadonlyMap<Status, string> | undefined,
): Mismatch | null {
  if (!c.status) return null;
  const expStatus = same(exp.tallies, derive);
  if (expStatus === undefined || expStatus === c.status.status) return null;
  const s = expStatus as 'todo' | 'doing' | 'done';
  const doing = same(exp.tallies, (t) => t.doing);
  const { done, total, word } = exp;
  const counts =
    done !== undefined && total !== undefined
      ? `${done} of ${total} ${word} ${done === 1 ? 'is' : 'are'} done${doing ? ` and ${doing} ${doing === 1 ? 'is' : 'are'} in progress` : ''}`
      : s === 'doing'
        ? `work on its items has started${started(c, truth)}`
        : s === 'done'
          ? `all its ${word} are done`
          : `none of its ${word} has started`;
  const newText = columnWords?.get(s) ?? statusText(c.status.text, s);
  return {
    ...mismatch(
      c,
      'status-column-mismatch',
      counts,
      [{ from: c.status.from, to: c.status.to, text: newText }],
      c.status,
    ),
    says: c.status.text,
    message: `Status column says "${c.status.text}" for ${c.label || 'this row'} but ${counts}, so it is ${STATUS_WORD[s]}`,
  };
}

/** ` (MH-001 is in progress)`: the first started item of the claim's scope, or ''. */
function started(c: Claim, truth: Truth): string {
  const item = c.scope ? truth.firstStarted(c.scope) : null;
  if (!item) return '';
  return ` (${item.id ?? `"${item.title}"`} is ${item.status === 'doing' ? 'in progress' : 'done'})`;
}

/** The status word for `status` written like `old`: its emoji, its case. */
function statusText(old: string, status: 'todo' | 'doing' | 'done'): string {
  const emoji = /^\p{Extended_Pictographic}\uFE0F?\s*/u.exec(old);
  const glyph = { todo: '⏳', doing: '🔄', done: '✅' }[status];
  const letters = old.replace(/[^\p{L}]/gu, '');
  if (letters === '') return glyph;
  let word = STATUS_WORD[status];
  if (letters !== '' && letters === letters.toUpperCase()) word = word.toUpperCase();
  else if (letters !== '' && letters === letters.toLowerCase()) word = word.toLowerCase();
  if (emoji) word = `${glyph} ${word}`;
  return word;
}

/**
 * The stale text: `focus` (a bar, a status cell) when given; on a line, its figures from first to
 * last; a table row whole.
 */
function spanOf(c: Claim, focus: { from: number; to: number } | null): Span {
  const whole = { start: c.line.offset(0) ?? c.line.base, end: c.line.base + c.line.original.length };
  const parts = [c.done, c.total, c.percent, c.bar, c.remaining].filter((p) => p !== undefined);
  const range =
    focus ??
    (c.kind === 'row' || parts.length === 0
      ? null
      : { from: Math.min(...parts.map((p) => p.from)), to: Math.max(...parts.map((p) => p.to)) });
  if (!range) return whole;
  const start = c.line.offset(range.from);
  const end = c.line.offset(focus ? range.to : closeFigure(c.line.text, range.from, range.to));
  return start === null || end === null ? whole : { start, end };
}

function mismatch(
  c: Claim,
  rule: DashboardRuleId,
  truthText: string,
  rep: readonly Replacement[],
  focus: { from: number; to: number } | null = null,
): Mismatch {
  const figures = saysOf(c);
  const span = spanOf(c, focus);
  const where =
    c.kind === 'row'
      ? `Progress table row "${c.label}"`
      : c.kind === 'cookie'
        ? `Progress cookie of ${c.label}`
        : c.label !== '' && !isGenericLabel(c.label)
          ? `Dashboard for ${c.label}`
          : 'Dashboard';
  return {
    rule,
    span,
    line: c.lineNo,
    says: figures,
    truth: truthText,
    message: `${where} says ${figures} but ${truthText}`,
    edits: editsOf(c, rep),
  };
}

/** Where a run of figures ends: after its `%` or `h`, and its closing parenthesis when it opened one. */
function closeFigure(t: string, from: number, to: number): number {
  const unit = /^(?:%|\s*(?:h|hrs?|hours?|d|days?)\b)/.exec(t.slice(to));
  if (unit) to += unit[0].length;
  const open = t.slice(from, to).split('(').length - t.slice(from, to).split(')').length;
  if (open > 0) {
    const close = t.indexOf(')', to);
    if (close >= 0 && close - to < 40) to = close + 1;
  }
  return to;
}

/** The figures as written, for messages: `0/50 (0%)`, `62.5% (5 of 8 phases complete)`, `Total Items: 50`. */
function saysOf(c: Claim): string {
  const t = c.line.text;
  const parts: Num[] = [c.done, c.total, c.percent, c.remaining].filter((n): n is Num => n !== undefined);
  if (c.kind === 'row' && c.cells) {
    const bits: [number, string][] = [];
    const seen = new Set<number>();
    for (const [n, name] of [
      [c.done, 'done'],
      [c.total, 'total'],
      [c.remaining, 'remaining'],
      [c.percent, ''],
    ] as const) {
      if (!n) continue;
      const cell = c.cells.findIndex((x) => n.from >= x.from && n.to <= x.to);
      if (seen.has(cell)) continue;
      seen.add(cell);
      const text = t
        .slice(c.cells[cell]!.from, c.cells[cell]!.to)
        .replace(/\*\*|__/g, '')
        .trim();
      bits.push([cell, /^\d+$/.test(text) && name ? `${text} ${name}` : text]);
    }
    return bits
      .sort((a, b) => a[0] - b[0])
      .map((b) => b[1])
      .join(', ');
  }
  if (parts.length === 0) return '';
  const from = Math.min(...parts.map((p) => p.from));
  const text = t.slice(from, closeFigure(t, from, Math.max(...parts.map((p) => p.to))));
  // A figure alone says what it counts by its label (`Total: 4`, `Completed: 2`, `Remaining: 3`).
  return parts.length === 1 && (c.total || c.done || c.remaining)
    ? `${c.label ? `${c.label}: ` : ''}${text}`.trim()
    : text;
}

/** Replacements as edits of the plan's text; in a table cell, trailing (or leading) padding absorbs the change of width. */
function editsOf(c: Claim, rep: readonly Replacement[]): Edit[] | null {
  const edits: Edit[] = [];
  for (const r of rep) {
    const e = c.line.edit(r.from, r.to, r.text);
    if (!e) return null;
    edits.push(e);
  }
  if (!c.cells) return edits;
  const t = c.line.text;
  for (const cell of c.cells) {
    const inCell = rep.filter((r) => r.from >= cell.from && r.to <= cell.to);
    const delta = inCell.reduce((d, r) => d + r.text.length - (r.to - r.from), 0);
    if (delta === 0) continue;
    const inner = t.slice(cell.from, cell.to);
    const lead = /^\s*/.exec(inner)![0].length;
    const trail = /\s*$/.exec(inner)![0].length;
    const rightAligned = lead > 1 && trail <= 1;
    const [padFrom, pad] = rightAligned ? [cell.from, lead] : [cell.to - trail, trail];
    const keep = Math.max(pad > 0 ? 1 : 0, pad - delta);
    if (keep === pad) continue;
    const e = c.line.edit(padFrom, padFrom + pad, ' '.repeat(keep));
    if (e) edits.push(e);
  }
  return edits;
}
