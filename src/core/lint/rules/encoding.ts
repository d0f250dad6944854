/**
 * Encoding damage: UTF-8 that was read as Windows-1252, Windows-1254 or Latin-1 (`âœ…` for `✅`),
 * repaired exactly when the parser could recover the original; and U+FFFD, where text was lost
 * and nothing can bring it back.
 */
import type { EncodingAnomaly } from '../../model.js';
import type { Rule } from '../types.js';

const PAGE: Readonly<Record<string, string>> = {
  'windows-1252': 'Windows-1252',
  'windows-1254': 'Windows-1254',
  latin1: 'Latin-1',
};

const show = (s: string) => JSON.stringify(s.length > 24 ? `${s.slice(0, 23)}…` : s);

export const mojibake: Rule = {
  id: 'encoding-mojibake',
  severity: 'warning',
  description: 'Text that is UTF-8 decoded with the wrong code page (mojibake); the fix restores it exactly.',
  *check(plan) {
    // One finding per line: a damaged table row can hold a dozen runs.
    for (const group of byLine(plan.anomalies.filter((a) => a.kind === 'mojibake'))) {
      const fixable = group.filter((a) => a.repaired !== null);
      const text = (a: EncodingAnomaly) => plan.text.slice(a.span.start, a.span.end);
      const shown = group
        .slice(0, 3)
        .map((a) =>
          a.repaired !== null
            ? `${show(text(a))} → ${show(a.repaired)}`
            : `${show(text(a))} (not restorable: a byte of it was lost)`,
        )
        .join(', ');
      const pages = [...new Set(group.map((a) => (a.codePage ? PAGE[a.codePage] : null)).filter(Boolean))];
      yield {
        span: { start: group[0]!.span.start, end: group[group.length - 1]!.span.end },
        message: `UTF-8 text read as ${pages.join(' or ') || 'the wrong code page'}: ${shown}${group.length > 3 ? ` and ${group.length - 3} more` : ''}.`,
        fix:
          fixable.length > 0
            ? {
                description: 'restore the original characters',
                edits: fixable.map((a) => ({ start: a.span.start, end: a.span.end, text: a.repaired! })),
              }
            : null,
      };
    }
  },
};

export const lostCharacters: Rule = {
  id: 'encoding-lost-characters',
  severity: 'error',
  description: 'Replacement characters (U+FFFD): text was lost in a bad conversion and must be retyped.',
  *check(plan) {
    for (const group of byLine(plan.anomalies.filter((a) => a.kind === 'replacement-char'))) {
      yield {
        span: { start: group[0]!.span.start, end: group[group.length - 1]!.span.end },
        message: `${group.length === 1 ? 'A character was' : `${group.length} characters were`} lost here (shown as ${show(plan.text.slice(group[0]!.span.start, group[0]!.span.end))}); taskmark cannot know what ${group.length === 1 ? 'it was' : 'they were'} — retype ${group.length === 1 ? 'it' : 'them'}.`,
      };
    }
  },
};

function byLine(anomalies: readonly EncodingAnomaly[]): EncodingAnomaly[][] {
  const out: EncodingAnomaly[][] = [];
  for (const a of anomalies) {
    const last = out[out.length - 1];
    if (last && last[0]!.line === a.line) last.push(a);
    else out.push([a]);
  }
  return out;
}
