import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  leadingDecorationLength,
  readHeading,
  SECTION_STATUS_MAX_LENGTH,
  sectionStatusOf,
  trailingAnnotation,
  trailingGlyph,
} from './headings.js';

/** The regexes the decoration scans replace. */
const LEADING_DECOR_RE = /^(?:[^\p{L}\p{N}\s*_~[(`]\uFE0F?\s*)+/u;
// ASCII punctuation is the text's (`Cut spend 20%`, `What is next?`).
const TRAILING_GLYPH_RE = /\s*([^\p{L}\p{N}\s\x00-\x7f])\uFE0F?\s*$/u;

const piece = fc.oneof(
  fc.constantFrom(
    '✅',
    '🔴',
    '🚀',
    '\uFE0F',
    '#',
    '-',
    '*',
    '_',
    '~',
    '[',
    '(',
    ')',
    ']',
    '`',
    '|',
    ':',
    '%',
    '?',
  ),
  fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', 'Title', 'x', '1', 'é', '٣', '𝒜', '\ud835', '\udc9c'),
  fc.string({ unit: 'binary', maxLength: 2 }),
);

describe('heading decoration', () => {
  it('measures leading decoration as the regex does, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.nat(3), (parts, from) => {
        const s = parts.join('');
        const at = Math.min(from, s.length);
        expect(leadingDecorationLength(s, at)).toBe(LEADING_DECOR_RE.exec(s.slice(at))?.[0].length ?? 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the trailing glyph as the regex does, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        const m = TRAILING_GLYPH_RE.exec(s);
        expect(trailingGlyph(s)).toEqual(
          m ? { index: m.index, glyph: m[1], glyphStart: m.index + m[0].indexOf(m[1]!) } : null,
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the annotation ending a heading as the regex does, on any text', () => {
    const ANNOTATION_RE = /(?:\(([^()]+)\)|\[([^\][]+)\]|\s[-–—:]\s+([^-–—:()[\]]+))\s*$/u;
    const parts = fc.oneof(
      piece,
      fc.constantFrom(' - ', ' — ', ': ', ' :', '–', 'DONE', '(x)', '[y]', '( )', ' ) ', '\u3000'),
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 8 }), (ps) => {
        const s = ps.join('');
        const m = ANNOTATION_RE.exec(s);
        const got = trailingAnnotation(s);
        const inner = m ? (m[1] ?? m[2] ?? m[3]!).trim() : '';
        if (inner === '') {
          // Nothing to read inside: the scan may report the annotation or not, never an inside.
          expect(got === null || got.innerStart === got.innerEnd).toBe(true);
          return;
        }
        let start = m!.index;
        while (start > 0 && /\s/u.test(s[start - 1]!)) start--;
        const innerStart = m!.index + m![0].indexOf(inner);
        expect(got).toEqual({ start, innerStart, innerEnd: innerStart + inner.length });
      }),
      { numRuns: 5000 },
    );
  });

  it('reads section statuses; no title longer than the limit names one', () => {
    // Every title the section-status regexes accept, in lower case.
    const titles: Record<string, string[]> = {
      done: ['changelog', 'change log', 'completed', 'completed items', 'completed tasks', 'completed work'],
      doing: ['in progress', 'doing', 'wip', 'ongoing', 'current', 'current work', 'active', 'now'],
      blocked: ['blocked', 'on hold', 'waiting'],
      cancelled: ['cancelled', 'canceled', 'dropped', "won't do", 'wont do', 'abandoned'],
      todo: ['todo', 'to do', 'backlog', 'not started', 'pending', 'planned', 'upcoming', 'next'],
    };
    titles.done!.push('done', 'finished', 'shipped', 'release notes');
    titles.todo!.push(
      'carry-over',
      'carryover',
      'carry-over items',
      'carryover items',
      'future',
      'future ideas',
      'later',
      'icebox',
      'someday',
      'someday/maybe',
      // Lists of work to do, and a weekly update's lanes.
      'to-do',
      'todos',
      'to dos',
      'to-dos',
      'todo list',
      'to do list',
      'to-do list',
      'action item',
      'action items',
      'action point',
      'action points',
      'followup',
      'followups',
      'follow-up',
      'follow-ups',
      'follow up',
      'follow ups',
      'next week',
      'next sprint',
      'next cycle',
      'next iteration',
      'next up',
      'up next',
    );
    expect(sectionStatusOf('Current sprint')).toBeNull();
    for (const [status, list] of Object.entries(titles))
      for (const t of list) {
        expect(t.length).toBeLessThanOrEqual(SECTION_STATUS_MAX_LENGTH);
        expect(sectionStatusOf(t.toUpperCase())).toBe(status);
      }
    const piece = fc.oneof(
      fc.constantFrom(...Object.values(titles).flat()),
      fc.constantFrom(' ', '-', 'x', 'items', 'K', '\u212a', 'ſ'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3 }), (parts) => {
        const s = parts.join('');
        expect(
          Object.entries(titles).find(
            ([, l]) => l.includes(s.toLowerCase()) && /^[\x00-\x7f]*$/.test(s),
          )?.[0] ?? null,
        ).toBe(sectionStatusOf(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a glyph and a status word ending a heading, whatever the glyph, and nothing less', () => {
    const read = (t: string) => {
      const h = readHeading(t);
      return [h.title, h.status, h.statusRange && t.slice(...h.statusRange)];
    };
    expect(read('Phase 2: Sync Engine ✅ COMPLETE')).toEqual(['Phase 2: Sync Engine', 'done', '✅ COMPLETE']);
    expect(read('Phase 3: UI 🏗️ IN PROGRESS')).toEqual(['Phase 3: UI', 'doing', '🏗️ IN PROGRESS']);
    expect(read('Importer — 🚧 Blocked ')).toEqual(['Importer', 'blocked', '🚧 Blocked']);
    expect(read('Search: 🔄 in progress')).toEqual(['Search', 'doing', '🔄 in progress']);
    expect(read("Exporter ❌ WON'T DO")).toEqual(['Exporter', 'cancelled', "❌ WON'T DO"]);
    // In brackets or after a dash, a glyph may open the annotation.
    expect(read('Phase 1 (✅ Done)')).toEqual(['Phase 1', 'done', '✅ Done']);
    expect(read('Phase 1 [🔄 IN PROGRESS]')).toEqual(['Phase 1', 'doing', '🔄 IN PROGRESS']);
    expect(read('Phase 1 — ⏸️ On hold (vendor)')[1]).toBe('blocked');
    // A glyph alone is read only when it is a strong one; words that are not a status say nothing.
    expect(read('Sync Engine 🔄')).toEqual(['Sync Engine', null, null]);
    // After an ID the heading is an item, and any status glyph ending it is its status.
    expect(read('TASK-10: Webhooks 🚧')).toEqual(['Webhooks', 'doing', '🚧']);
    // As after a phase's number: a plan marks its phases so (`Phase 1 ✅`, `Phase 2 🔄`, `Phase 3 ⏳`).
    expect(read('Phase 2: Auth 🔄')).toEqual(['Phase 2: Auth', 'doing', '🔄']);
    expect(read('Sprint 3 ⏳')).toEqual(['Sprint 3', 'todo', '⏳']);
    expect(read('Roadmap 🚧')).toEqual(['Roadmap', null, null]);
    expect(read('Phases 🚧')).toEqual(['Phases', null, null]);
    expect(read('1.2 Search ⏸️ 🔴')).toEqual(['Search', 'blocked', '⏸️']);
    expect(read('T-3: Export 🚀')).toEqual(['Export', null, null]);
    expect(read('Roadmap 🎯 Goals')).toEqual(['Roadmap 🎯 Goals', null, null]);
    expect(read('Ideas / Backlog')).toEqual(['Ideas / Backlog', null, null]);
    expect(read('Build | Done')).toEqual(['Build | Done', null, null]);
    expect(read('Release ✅ Done with the docs')).toEqual(['Release ✅ Done with the docs', null, null]);
    // The glyph stands apart from the title, and a title stays before it.
    expect(read('Sync✅ DONE')[1]).toBeNull();
    expect(read('🔄 IN PROGRESS')).toEqual(['IN PROGRESS', null, null]);
  });

  it('reads a status with the date it was reached after it, and keeps a remark that names work', () => {
    const read = (t: string) => {
      const h = readHeading(t);
      return [h.title, h.status, h.statusRange && t.slice(...h.statusRange)];
    };
    expect(read('Phase 2: Core ✅ (Completed 2026-01-20)')).toEqual([
      'Phase 2: Core',
      'done',
      'Completed 2026-01-20',
    ]);
    expect(readHeading('Phase 2: Core (Completed 2026-01-20)').statusText).toBe('Completed');
    expect(read('Phase 2: Core (Done on Jan 20, 2026)')).toEqual([
      'Phase 2: Core',
      'done',
      'Done on Jan 20, 2026',
    ]);
    expect(read('Phase 3: Polish — ✅ COMPLETE (2026-01-20)')).toEqual([
      'Phase 3: Polish',
      'done',
      '✅ COMPLETE',
    ]);
    expect(read('Phase 3: Polish — Done')).toEqual(['Phase 3: Polish', 'done', '— Done']);
    // A remark that is not a date names the work: it stays in the title.
    expect(read('Week 8 - Completed (Federation)')).toEqual([
      'Week 8 - Completed (Federation)',
      'done',
      'Completed',
    ]);
    expect(read('Phase 2 (Completed the import 2026-01-20)')[1]).toBeNull();
    // The share done after the word (the dashboards check it) is the status's too.
    expect(read('Phase 2: Build (In Progress - 60%)')).toEqual([
      'Phase 2: Build',
      'doing',
      'In Progress - 60%',
    ]);
    expect(readHeading('Phase 2: Build [In progress, 40% done]').statusText).toBe('In progress');
    expect(read('Phase 2 (In progress for 60% of users)')[1]).toBeNull();
  });

  it('reads a status mark between a heading number and its name, and cuts it from the title', () => {
    const read = (t: string) => {
      const h = readHeading(t);
      return [
        h.title,
        h.status,
        h.statusRange && t.slice(...h.statusRange),
        h.titleRange && t.slice(...h.titleRange),
      ];
    };
    expect(read('Phase 1 ✅ — Scaffolding')).toEqual([
      'Phase 1 — Scaffolding',
      'done',
      '✅',
      'Phase 1 ✅ — Scaffolding',
    ]);
    expect(read('Milestone 2 🔄 In progress - Beta')).toEqual([
      'Milestone 2 - Beta',
      'doing',
      '🔄 In progress',
      'Milestone 2 🔄 In progress - Beta',
    ]);
    expect(read('v1.2 ❌ – Plugins')[0]).toBe('v1.2 – Plugins');
    // After an ID the title is the name alone.
    expect(read('MH-001 ✅ — Login').slice(0, 2)).toEqual(['Login', 'done']);
    // A glyph ending an annotation or a legend's key is not a mark of the heading's number.
    expect(read('Key: ✅ — the release')[1]).toBeNull();
    expect(read('Sync 🔄 — engine')[1]).toBeNull();
    expect(read('Status ✅ Done with — care')[1]).toBeNull();
    expect(read('Search — ✅ — fast')[1]).toBeNull();
    // A glyph before a trailing annotation says the same thing: it is not kept in the title.
    expect(read('Phase 4: Foundation ✅ (Completed)').slice(0, 3)).toEqual([
      'Phase 4: Foundation',
      'done',
      'Completed',
    ]);
  });

  it('reads a status word in brackets opening a heading, and a strike before a status said after it', () => {
    const read = (h: string) => {
      const r = readHeading(h);
      return [r.id, r.title, r.status, r.statusText, r.statusRange && h.slice(...r.statusRange)];
    };
    expect(read('[DONE] Task 1: Schema')).toEqual(['Task 1', 'Schema', 'done', 'DONE', 'DONE']);
    expect(read('[WIP] Search')).toEqual([null, 'Search', 'doing', 'WIP', 'WIP']);
    // Brackets of a word that is no status, or of a box (read before the heading is), stay the title's.
    expect(read('[Optional] Extras')).toEqual([null, '[Optional] Extras', null, null, null]);
    expect(read('[x] Task 1: Schema')[2]).toBeNull();
    expect(read('~~Task 3: GraphQL~~ (dropped)')).toEqual([
      'Task 3',
      'GraphQL',
      'cancelled',
      'dropped',
      'dropped',
    ]);
    expect(read('~~Task 3: GraphQL~~ ✅').slice(0, 3)).toEqual(['Task 3', 'GraphQL', 'done']);
    expect(read('~~Old idea~~ 🚧').slice(1, 4)).toEqual(['Old idea', 'cancelled', '~~']);
    // Two struck spans are not a struck title.
    expect(read('~~a~~ b ~~c~~').slice(1, 3)).toEqual(['~~a~~ b ~~c~~', null]);
  });
});
