import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, readAbsoluteDate, resolveDate } from './dates.js';
import { readEffort, readInlineEffort } from './effort.js';
import { readFieldLine } from './field-lines.js';
import { readLeadingId } from './ids.js';
import { readInlineFields } from './inline.js';
import { normaliseKey } from './keys.js';
import { maskCode } from './mask.js';
import { readPriorityValue } from './priority.js';
import { readHeadingPriority, readInlinePriority } from './priority-marks.js';
import { findStatusGlyph, readStatusValue } from './status.js';
import { readTechTags } from './tech.js';

describe('readStatusValue', () => {
  it.each([
    ['⏳ TODO', 'todo'],
    ['🔄 IN PROGRESS (Phase 1 Complete)', 'doing'],
    ['🔄 NOT STARTED', 'todo'],
    ['✅ DONE', 'done'],
    ['Completed', 'done'],
    ['⏸️ BLOCKED', 'blocked'],
    ['❌ CANCELLED', 'cancelled'],
    ["won't do", 'cancelled'],
    ['Erledigt', 'done'],
    ['Terminé', 'done'],
    ['Selesai', 'done'],
    ['Готово', 'done'],
    ['完成', 'done'],
    ['en cours', 'doing'],
  ])('reads %s as %s', (value, status) => {
    expect(readStatusValue(value)?.status).toBe(status);
  });

  it('prefers the plan vocabulary when it has the exact text', () => {
    expect(readStatusValue('🟦 QUEUED', new Map([['🟦 queued', 'todo' as const]]))?.status).toBe('todo');
  });

  it('finds no status in unrelated text', () => {
    expect(readStatusValue('Architecture')).toBeNull();
    expect(findStatusGlyph('📋 Table of contents')).toBeNull();
  });
});

describe('priority', () => {
  it.each([
    ['P0 - CRITICAL', 0, 'P0'],
    ['High', 1, 'High'],
    ['medium', 2, 'Medium'],
    ['Must Have', 0, 'Must Have'],
    ['[#B]', 2, '[#B]'],
    ['🟠', 1, '🟠'],
  ])('reads the value %s', (value, rank, label) => {
    expect(readPriorityValue(value)).toEqual({ rank, label });
  });

  it('reads priority headings but not headings that merely mention a word', () => {
    expect(readHeadingPriority('P0 - Reliability & Disaster Recovery')).toEqual({ rank: 0, label: 'P0' });
    expect(readHeadingPriority('🔴 MUST HAVE (Critical Priority)')).toEqual({ rank: 0, label: 'Must Have' });
    expect(readHeadingPriority('High Priority')).toEqual({ rank: 1, label: 'High' });
    expect(readHeadingPriority('High Availability setup')).toBeNull();
    expect(readHeadingPriority('PHASE 0 (Foundation - Critical Prerequisites)')).toBeNull();
    // A group keyed as the priority, as spec-kit writes a user story's.
    expect(readHeadingPriority('Phase 3: User Story 1 — Export (Priority: P1) 🎯 MVP')).toEqual({
      rank: 1,
      label: 'P1',
    });
    expect(readHeadingPriority('Search [priority: high]')).toEqual({ rank: 1, label: 'High' });
    expect(readHeadingPriority('Ranking (priority: to be decided)')).toBeNull();
  });

  it('reads inline priorities without taking plain words', () => {
    expect(readInlinePriority('(A) Call the bank')?.priority).toEqual({ rank: 1, label: '(A)' });
    expect(readInlinePriority('Fix login **P0**')?.priority).toEqual({ rank: 0, label: 'P0' });
    expect(readInlinePriority('Ship it ⏬')?.priority).toEqual({ rank: 4, label: '⏬' });
    expect(readInlinePriority('Set up high availability')).toBeNull();
    expect(readInlinePriority('Use the P0-001 env file')).toBeNull();
  });
});

describe('effort', () => {
  it.each([
    ['0.5 days', 240, null],
    ['3-5 days', 1440, 2400],
    ['30 min', 30, null],
    ['18h', 1080, null],
    ['1.5 hours', 90, null],
    ['2 weeks', 4800, null],
  ])('reads %s', (text, minutes, max) => {
    expect(readEffort(text)).toMatchObject({ minutes, maxMinutes: max });
  });

  it('uses the configured hours per day', () => {
    expect(readEffort('1 day', 6)?.minutes).toBe(360);
  });

  it('reads inline efforts only in their inline forms', () => {
    expect(readInlineEffort('Pour the slab (3h)')?.effort.minutes).toBe(180);
    expect(readInlineEffort('Cure ~2d')?.effort.minutes).toBe(960);
    expect(readInlineEffort('Update 12 files in 3 days')).toBeNull();
  });
});

describe('dates', () => {
  it('reads absolute dates in several forms', () => {
    expect(readAbsoluteDate('Due 2025-11-03')?.date).toBe('2025-11-03');
    expect(readAbsoluteDate('November 26, 2025')?.date).toBe('2025-11-26');
    expect(readAbsoluteDate('3 Feb 2026')?.date).toBe('2026-02-03');
    expect(readAbsoluteDate('2025-02-30')).toBeNull();
    expect(readAbsoluteDate('2025-10-27T03:00:00Z')?.date).toBe('2025-10-27');
  });

  it('resolves relative days and weeks against the plan date', () => {
    expect(resolveDate('Day 1', '2025-11-26')?.date).toBe('2025-11-26');
    expect(resolveDate('Day 2', '2025-11-26')?.date).toBe('2025-11-27');
    expect(resolveDate('Week 1', '2025-11-26')?.date).toBe('2025-12-02');
    expect(resolveDate('Week 4-6', '2025-11-26')?.date).toBe(addDays('2025-11-26', 41));
    expect(resolveDate('Week 2', null)).toBeNull();
  });

  it("resolves a month and day without a year in the plan date's year, or the next", () => {
    expect(resolveDate('Mar 18', '2026-03-02')?.date).toBe('2026-03-18');
    expect(resolveDate('March 3rd', '2026-03-02')?.date).toBe('2026-03-03');
    // More than half a year before the plan date: the next one.
    expect(resolveDate('Jan 10', '2026-11-20')?.date).toBe('2027-01-10');
    expect(resolveDate('Mar 18', null)).toBeNull();
    expect(resolveDate('Feb 29', '2026-01-01')).toBeNull();
  });
});

describe('readLeadingId', () => {
  it.each([
    ['MH-001: Docker hardening', 'MH-001', 'code'],
    ['P0-001: Create Environment Configuration', 'P0-001', 'code'],
    ['TASK-032 — Title', 'TASK-032', 'code'],
    ['**Task 1.1:** Review the config', 'Task 1.1', 'word'],
    ['T001 [P] Create project', 'T001', 'code'],
    ['T003a Split the parser', 'T003a', 'code'],
    ['1.2 Backend Service Implementation', '1.2', 'numeric'],
    ['1. Set up the repo', '1', 'numeric'],
    ['[AUTH-7] Login', 'AUTH-7', 'code'],
  ])('reads %s', (title, id, kind) => {
    expect(readLeadingId(title)).toMatchObject({ id, kind });
  });

  it('does not take words, years or units for IDs', () => {
    expect(readLeadingId('Phase 1: Foundation')).toBeNull();
    expect(readLeadingId('2024 goals')).toBeNull();
    expect(readLeadingId('S3 bucket policy')).toBeNull();
    expect(readLeadingId('1.5')).toBeNull();
    expect(readLeadingId('T003ab Split')).toBeNull();
  });
});

describe('fields', () => {
  it('reads pipe-joined bold fields with their spans', () => {
    const line = '**Category:** Security | **Effort:** 1 day | **Assignee:** TBD | **Due:** 2025-10-30';
    const fields = readFieldLine(line, 0, line.length)!;
    expect(fields.map((f) => [f.key, f.value, f.style])).toEqual([
      ['category', 'Security', 'bold-line'],
      ['effort', '1 day', 'bold-pipe'],
      ['owner', 'TBD', 'bold-pipe'],
      ['due', '2025-10-30', 'bold-pipe'],
    ]);
    expect(line.slice(fields[3]!.valueSpan.start, fields[3]!.valueSpan.end)).toBe('2025-10-30');
  });

  it('reads fields joined by a middle dot or a bullet before another key, plain keys after a known one', () => {
    const read = (line: string, plain = true) =>
      readFieldLine(line, 0, line.length, plain)?.map((f) => [f.key, f.value, f.style]);
    expect(read('Owner: @dana · Target: Q1 2026 · Status: In progress')).toEqual([
      ['owner', '@dana', 'bold-line'],
      ['target', 'Q1 2026', 'bold-pipe'],
      ['status', 'In progress', 'bold-pipe'],
    ]);
    expect(read('**Owner:** Kim • **Due:** 2026-01-02', false)).toEqual([
      ['owner', 'Kim', 'bold-line'],
      ['due', '2026-01-02', 'bold-pipe'],
    ]);
    // A dot that does not open a field is the value's; a plain key is read only after a known one.
    expect(read('Owner: Kim · Bo')).toEqual([['owner', 'Kim · Bo', 'bold-line']]);
    expect(read('Note: call first · Status: Done')).toBeUndefined();
    expect(read('**Owner:** Kim · Status: Done', false)).toEqual([
      ['owner', 'Kim · Status: Done', 'bold-line'],
    ]);
  });

  it('reads a status line with two trailing spaces and the colon outside the bold', () => {
    const line = '**Status**: ⏳ TODO  ';
    expect(readFieldLine(line, 0, line.length)).toMatchObject([{ key: 'status', value: '⏳ TODO' }]);
  });

  it('does not read prose as fields', () => {
    const line = 'This is **not** a field: really';
    expect(readFieldLine(line, 0, line.length)).toBeNull();
  });

  it('reads inline fields but nothing inside code spans', () => {
    const s = 'Do it [due:: 2025-01-31] 📅 2025-02-01 owner:bob @alice #infra `#notatag @nobody`';
    const f = readInlineFields(s, 100);
    expect(f.map((x) => [x.key, x.value, x.style])).toEqual([
      ['due', '2025-01-31', 'dataview'],
      ['due', '2025-02-01', 'emoji'],
      ['owner', 'bob', 'kv'],
      ['owner', 'alice', 'kv'],
      ['tags', 'infra', 'kv'],
    ]);
    expect(f[0]!.span.start).toBe(106);
    expect(maskCode('a `b` c')).toBe('a ` ` c');
    expect(maskCode('a ``b`c`` c')).toBe('a `     ` c');
  });

  it('masks the code spans the regex it replaced masks, on any text of backticks', () => {
    const regex = (s: string) =>
      s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => `\`${' '.repeat(m.length - 2)}\``);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('`', '``', '```', 'a', ' ', 'b c', '\n'), { maxLength: 14 }),
        (parts) => {
          const s = parts.join('');
          expect(maskCode(s)).toBe(regex(s));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('normalises key spellings', () => {
    expect(['Assignee', 'Due Date', 'Estimate', 'Blocked by'].map(normaliseKey)).toEqual([
      'owner',
      'due',
      'effort',
      'depends',
    ]);
  });
});

describe('readTechTags', () => {
  it('finds technologies on word boundaries', () => {
    expect(readTechTags('Migrate Postgres backups to MinIO with docker-compose')).toEqual([
      'postgresql',
      'minio',
      'docker',
    ]);
    expect(readTechTags('Transport layer, reactive forms')).toEqual([]);
  });
});
