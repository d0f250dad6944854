/**
 * Facts the plan states about itself more than once (front matter, header, footer): its version and
 * its last-updated date. When two places disagree, one of them is stale.
 */
import type { Plan, Span } from '../../model.js';
import { readAbsoluteDate } from '../../plan/attributes/dates.js';
import type { Rule } from '../types.js';

interface Statement {
  readonly fact: 'version' | 'last updated';
  readonly value: string;
  /** The value normalised for comparison. */
  readonly norm: string;
  readonly line: number;
  readonly span: Span;
  readonly where: string;
}

const KEYS: Readonly<Record<string, Statement['fact']>> = {
  version: 'version',
  'doc version': 'version',
  'document version': 'version',
  'plan version': 'version',
  'last updated': 'last updated',
  'last update': 'last updated',
  updated: 'last updated',
  'last modified': 'last updated',
  last_updated: 'last updated',
};

/** A top-level fact line: `**Version:** 5.1.0`, `Last Updated: 2025-10-27`, `*Last updated: …*`. */
const LINE_RE = /^(?:[*_]{1,2})?([A-Za-z][A-Za-z _]{2,24}?)(?:[*_]{1,2})?\s*:\s*(?:[*_]{1,2})?\s*(.+)$/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * `s` without the emphasis marks that close it (`2026-01-05**`). By hand: `/[*_`]+$/` is tried at every
 * offset of a long run of such marks inside a line, which made the rule quadratic in the line.
 */
function withoutClosingMarks(s: string): string {
  let end = s.length;
  for (let c = s.charCodeAt(end - 1); c === 42 || c === 95 || c === 96; c = s.charCodeAt(end - 1)) end--;
  return s.slice(0, end);
}

function normalise(fact: Statement['fact'], value: string): string | null {
  const v = withoutClosingMarks(value).trim();
  if (fact === 'version') {
    const m = /^v?(\d+(?:\.\d+)*(?:[-+][\w.]+)?)$/i.exec(v);
    return m ? m[1]!.toLowerCase() : null;
  }
  return readAbsoluteDate(v)?.date ?? null;
}

function statements(plan: Plan): Statement[] {
  const out: Statement[] = [];
  const text = plan.text;
  let fence: string | null = null;
  let frontMatter = false;
  for (let i = 0; i < plan.lines.count; i++) {
    const start = plan.lines.start[i]!;
    const raw = text.slice(start, plan.lines.end[i]);
    if (i === 0 && raw === '---') {
      frontMatter = true;
      continue;
    }
    if (frontMatter && (raw === '---' || raw === '...')) {
      frontMatter = false;
      continue;
    }
    const f = FENCE_RE.exec(raw);
    if (f) {
      if (fence === null) fence = f[1]![0]!.repeat(3);
      else if (raw.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    // Trimmed first (linear), so the regex needs no `\s*$`, which is quadratic in a run of spaces.
    const m = LINE_RE.exec(raw.trimEnd());
    if (!m) continue;
    const key = m[1]!.trim().toLowerCase();
    const fact = KEYS[key] ?? KEYS[key.replace(/_/g, ' ')];
    if (!fact) continue;
    const value = m[2]!.replace(/^["']|["']$/g, '');
    const norm = normalise(fact, value);
    if (norm === null) continue;
    const at = raw.indexOf(m[2]!);
    out.push({
      fact,
      value,
      norm,
      line: i + 1,
      span: { start: start + Math.max(at, 0), end: start + Math.max(at, 0) + m[2]!.length },
      where: frontMatter ? 'the front matter' : `line ${i + 1}`,
    });
  }
  return out;
}

export const factMismatch: Rule = {
  id: 'fact-mismatch',
  severity: 'warning',
  description: 'The plan states its version or last-updated date in several places, and they disagree.',
  *check(plan) {
    const first = new Map<string, Statement>();
    for (const s of statements(plan)) {
      const f = first.get(s.fact);
      if (!f) {
        first.set(s.fact, s);
        continue;
      }
      if (f.norm === s.norm) continue;
      yield {
        span: s.span,
        message: `The ${s.fact} here is ${s.value} but ${f.where} says ${f.value}; one of them is stale.`,
      };
    }
  },
};
