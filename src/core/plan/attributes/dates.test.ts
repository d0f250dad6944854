import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../parse.js';
import {
  addDays,
  dateLike,
  daysBetween,
  rangeStart,
  readAbsoluteDate,
  readDueValue,
  readWindow,
  resolveDate,
  wholeDateRange,
} from './dates.js';

// readAbsoluteDate as it was before the named-month forms were skipped for text naming no month.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ISO_RE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const MDY_RE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function reference(text: string) {
  const iso = ISO_RE.exec(text);
  if (iso) {
    const date = valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { date, index: iso.index, length: iso[0].length };
  }
  const mdy = MDY_RE.exec(text);
  if (mdy) {
    const date = valid(Number(mdy[3]), MONTHS.indexOf(mdy[1]!.toLowerCase().slice(0, 3)) + 1, Number(mdy[2]));
    if (date) return { date, index: mdy.index, length: mdy[0].length };
  }
  const dmy = DMY_RE.exec(text);
  if (dmy) {
    const date = valid(Number(dmy[3]), MONTHS.indexOf(dmy[2]!.toLowerCase().slice(0, 3)) + 1, Number(dmy[1]));
    if (date) return { date, index: dmy.index, length: dmy[0].length };
  }
  // Digits with dots or slashes, written out case by case.
  const ymd = /(?<![\d./])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)/.exec(text);
  if (ymd) {
    const date = valid(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
    return date ? { date, index: ymd.index, length: ymd[0].length } : null;
  }
  const dotted = /(?<![\d./])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d/]|\.\d)/.exec(text);
  const slashed = /(?<![\d./])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/]|\.\d)/.exec(text);
  const first = dotted && (!slashed || dotted.index < slashed.index) ? dotted : slashed;
  if (!first) return null;
  const [a, b, y] = [Number(first[1]), Number(first[2]), Number(first[3])];
  let date: string | null = null;
  if (first === dotted || a > 12) date = valid(y, b, a);
  else if (b > 12) date = valid(y, a, b);
  return date ? { date, index: first.index, length: first[0].length } : null;
}

describe('readAbsoluteDate', () => {
  it('reads what the unguarded regexes read, on any text', () => {
    const month = fc.constantFrom(
      'Jan',
      'FEBRUARY',
      'Sept.',
      'may',
      'Dec',
      'Oct',
      'march',
      'nov',
      'jun',
      'aug',
    );
    const day = fc.constantFrom('1', '26', '3rd', '31', '29th', '0');
    const year = fc.constantFrom('2025', '2024', '1900');
    const sep = fc.constantFrom(' ', ', ', '  ', '');
    const piece = fc.oneof(
      fc.tuple(month, sep, day, sep, year).map((p) => p.join('')),
      fc.tuple(day, sep, month, sep, year).map((p) => p.join('')),
      month,
      fc.constantFrom(' ', ', ', '26', '2025', '2025-11-03', '2025-13-01', '-', '.', 'x', 'é'),
      fc.constantFrom(
        '15.03.2026',
        '03/15/2026',
        '15/03/2026',
        '03/04/2026',
        '2026/3/15',
        '1.2',
        '/',
        '31.02.2026',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), (parts) => {
        const s = parts.join('');
        expect(readAbsoluteDate(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('dates in digits with dots or slashes', () => {
  it('reads year-first and day-first forms, and a slashed date only when its numbers decide the month', () => {
    const read = (s: string) => readAbsoluteDate(s)?.date ?? null;
    expect(read('Fällig: 10.04.2026')).toBe('2026-04-10');
    expect(read('2026/3/15')).toBe('2026-03-15');
    expect(read('due 03/15/2026')).toBe('2026-03-15');
    expect(read('15/03/2026')).toBe('2026-03-15');
    expect(read('03/04/2026')).toBeNull();
    expect(read('31.02.2026')).toBeNull();
    expect(read('version 1.2.3')).toBeNull();
    expect(read('1.2.2026.4')).toBeNull();
  });
});

describe('readWindow', () => {
  it('reads a relative window, or a deadline stated in words before a date, and no bare date', () => {
    expect(readWindow('Phase 2: Build (Week 4-6)')).toBe('Week 4-6');
    // Plural, as a range is often written.
    expect(readWindow('Phase 1 — Dual write (Weeks 2–3)')).toBe('Weeks 2–3');
    expect(resolveDate('Weeks 2–3', '2026-11-02')!.date).toBe('2026-11-22');
    expect(resolveDate('Days 1-3', '2026-11-02')!.date).toBe('2026-11-04');
    expect(readWindow('Weekly sync 2')).toBeNull();
    expect(readWindow('v1.2 (target: 2026-03-01)')).toBe('2026-03-01');
    expect(readWindow('Beta — due May 15, 2026')).toBe('May 15, 2026');
    expect(readWindow('Launch (ETA 1 June 2026)')).toBe('1 June 2026');
    expect(readWindow('2026-03-01 review')).toBeNull();
    expect(readWindow('Released 2026-03-01')).toBeNull();
    expect(readWindow('Goodbye 2026 plans')).toBeNull();
    // A period the heading is named for ends on its last day.
    expect(readWindow('Q1 2026')).toBe('2026-03-31');
    expect(readWindow('Roadmap 2026-Q4')).toBe('2026-12-31');
    expect(readWindow('H1 2027: platform')).toBe('2027-06-30');
    expect(readWindow('February 2028')).toBe('2028-02-29');
    // A range of days is no month named whole: it ends on its last day.
    expect(readWindow('Sprint 3 (March 2-13, 2026)')).toBe('March 13, 2026');
    expect(readWindow('Q5 2026')).toBeNull();
  });

  it('reads the end of a range of dates, in any of the forms of a date', () => {
    expect(readWindow('Sprint 14 (Dec 1 – Dec 12)')).toBe('Dec 12');
    expect(readWindow('Sprint 15 (2026-12-15 → 2026-12-26)')).toBe('2026-12-26');
    expect(readWindow('Sprint 16: Jan 6 - Jan 17, 2027')).toBe('Jan 17, 2027');
    expect(readWindow('Sprint 17 (5 Jan – 16 Jan)')).toBe('Jan 16');
    expect(readWindow('Sprint 18 (Mar 2 to Mar 13)')).toBe('Mar 13');
    expect(readWindow('Sprint 19 (Jan 6th-17th)')).toBe('Jan 17');
    // A date and words after a dash are not a range.
    expect(readWindow('2026-01-05 - Kickoff notes')).toBeNull();
    expect(readWindow('Release 1.2 - 3 weeks')).toBeNull();
    expect(readWindow('Sprints 1-3')).toBeNull();
  });
});

describe('ranges of days', () => {
  it('are due by their last day, under a due key or a schedule column', () => {
    const due = (v: string) => readDueValue(v, '2026-12-01');
    expect(due('Dec 14–18')).toBe('2026-12-18');
    expect(due('Dec 14 – Dec 18')).toBe('2026-12-18');
    expect(due('14 Dec – 18 Dec')).toBe('2026-12-18');
    expect(due('2026-12-14 → 2026-12-18')).toBe('2026-12-18');
    expect(due('2026-12-14..2026-12-18')).toBe('2026-12-18');
    expect(due('Dec 28 – Jan 3, 2027')).toBe('2027-01-03');
    expect(due('Dec 28 to Jan 3')).toBe('2027-01-03');
    expect(due(' Jan 6-17, 2027 ')).toBe('2027-01-17');
    // A range is read whole or not at all: its first day is not its due date.
    expect(due('Dec 14 – 2026-12-40')).toBeNull();
    expect(wholeDateRange('Dec 14–18 and more')).toBeNull();
    expect(wholeDateRange('Dec 14')).toBeNull();
    expect(wholeDateRange('Dec 14–18')).toMatchObject({
      start: 'Dec 14',
      date: 'Dec 18',
      endIndex: 7,
      endLength: 2,
    });
  });

  it('end on the last day written, in every form a range is written (property)', () => {
    const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const day = fc.integer({ min: Date.UTC(1990, 0, 1) / 864e5, max: Date.UTC(2150, 11, 31) / 864e5 });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 5 }), (d, span, form) => {
        const a = new Date(d * 864e5).toISOString().slice(0, 10);
        const b = addDays(a, span);
        const md = (iso: string) => `${NAMES[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8))}`;
        const dm = (iso: string) => `${Number(iso.slice(8))} ${NAMES[Number(iso.slice(5, 7)) - 1]}`;
        const sameMonth = a.slice(0, 7) === b.slice(0, 7);
        const written = [
          `${a} → ${b}`,
          `${a}..${b}`,
          `${md(a)}, ${a.slice(0, 4)} – ${md(b)}, ${b.slice(0, 4)}`,
          `${dm(a)} ${a.slice(0, 4)} – ${dm(b)} ${b.slice(0, 4)}`,
          sameMonth
            ? `${md(a)}–${Number(b.slice(8))}, ${b.slice(0, 4)}`
            : `${md(a)} to ${md(b)}, ${b.slice(0, 4)}`,
          `${a} to ${b}`,
        ][form]!;
        expect([written, readDueValue(written, null)]).toEqual([written, b]);
        expect(rangeStart(wholeDateRange(written)!, b)).toBe(a);
      }),
      { numRuns: 500 },
    );
  });
});

describe('weekday dates', () => {
  const spellings: [string, number][] = [
    ['Sunday', 0],
    ['sun', 0],
    ['Monday', 1],
    ['Mon.', 1],
    ['Tuesday', 2],
    ['Tues', 2],
    ['Wednesday', 3],
    ['weds', 3],
    ['Thursday', 4],
    ['Thurs', 4],
    ['Thu', 4],
    ['Friday', 5],
    ['FRI', 5],
    ['Saturday', 6],
    ['sat', 6],
  ];

  it('resolves a weekday to the first such day on or after the plan date (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.constantFrom(...spellings),
        fc.boolean(),
        (offset, [name, day], withThis) => {
          const planDate = addDays('1970-01-01', offset);
          const got = resolveDate(withThis ? `this ${name}` : name, planDate)!.date;
          const ahead = daysBetween(planDate, got);
          expect(ahead).toBeGreaterThanOrEqual(0);
          expect(ahead).toBeLessThan(7);
          expect(new Date(`${got}T00:00:00Z`).getUTCDay()).toBe(day);
        },
      ),
    );
  });

  it('reads no weekday without a plan date, nor a word that only starts like one', () => {
    expect(resolveDate('Friday', null)).toBeNull();
    expect(resolveDate('Sunlight', '2026-03-04')).toBeNull();
    expect(resolveDate('next Friday', null)).toBeNull();
    expect(resolveDate('nextFriday', '2026-03-04')).toBeNull();
  });

  it("resolves next and a weekday to that day of the week after the plan date's, weeks from Monday (property)", () => {
    // Wednesday 2026-03-04: Friday is 03-06, next Friday 03-13, next Monday 03-09.
    expect(resolveDate('next Friday', '2026-03-04')!.date).toBe('2026-03-13');
    expect(resolveDate('next Mon', '2026-03-04')!.date).toBe('2026-03-09');
    // Sunday 2026-03-08 ends its week: next Sunday is 03-15.
    expect(resolveDate('next Sunday', '2026-03-08')!.date).toBe('2026-03-15');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.constantFrom(...spellings),
        (offset, [name, day]) => {
          const planDate = addDays('1970-01-01', offset);
          const got = resolveDate(`next ${name}`, planDate)!.date;
          // The Monday that starts the plan date's week, and the one after it.
          const monday = addDays(planDate, -((new Date(`${planDate}T00:00:00Z`).getUTCDay() + 6) % 7));
          const ahead = daysBetween(addDays(monday, 7), got);
          expect(ahead).toBeGreaterThanOrEqual(0);
          expect(ahead).toBeLessThan(7);
          expect(new Date(`${got}T00:00:00Z`).getUTCDay()).toBe(day);
        },
      ),
    );
  });
});

describe('dates counted from the plan date', () => {
  it('reads `in N days`, `in N weeks`, `today` and `tomorrow` against the plan date, and only with one', () => {
    expect(resolveDate('in 3 days', '2026-12-30')!.date).toBe('2027-01-02');
    expect(resolveDate('in 1 day', '2026-12-01')!.date).toBe('2026-12-02');
    expect(resolveDate('In 2 Weeks', '2026-12-01')!.date).toBe('2026-12-15');
    expect(resolveDate('today', '2026-12-01')!.date).toBe('2026-12-01');
    expect(resolveDate('Tomorrow', '2026-02-28')!.date).toBe('2026-03-01');
    expect(resolveDate('in 3 days', null)).toBeNull();
    expect(resolveDate("tomorrow's demo", '2026-12-01')).toBeNull();
    expect(resolveDate('in 3 months', '2026-12-01')).toBeNull();
    expect(resolveDate('within 3 days', '2026-12-01')).toBeNull();
    // Against the reference: the plan date plus the days, as a UTC calendar counts them.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        (offset, n, weeks) => {
          const planDate = addDays('1970-01-01', offset);
          const got = resolveDate(`in ${n} ${weeks ? 'weeks' : 'days'}`, planDate)!.date;
          const want = new Date(Date.UTC(1970, 0, 1 + offset + n * (weeks ? 7 : 1)))
            .toISOString()
            .slice(0, 10);
          expect(got).toBe(want);
        },
      ),
    );
  });
});

describe("the end of the plan date's day, week, month or quarter", () => {
  it('reads EOD, EOW, EOM, EOQ and their words against the plan date, and nothing without one', () => {
    // Tuesday 2027-01-12: its week's Friday is the 15th.
    const due = (v: string) => readDueValue(v, '2027-01-12');
    expect([due('EOD'), due('EOW'), due('eom'), due('EOQ')]).toEqual([
      '2027-01-12',
      '2027-01-15',
      '2027-01-31',
      '2027-03-31',
    ]);
    expect([due('end of week'), due('the end of the month'), due('end of quarter')]).toEqual([
      '2027-01-15',
      '2027-01-31',
      '2027-03-31',
    ]);
    // A Sunday's week is over: its Friday was two days before.
    expect(readDueValue('EOW', '2027-01-17')).toBe('2027-01-15');
    expect([due('EOWX'), due('end of the road'), readDueValue('EOW', null)]).toEqual([null, null, null]);
    // A deadline's word before the value says what the key says: `When: by EOW`, `Due: before Jan 20`.
    expect([due('by EOW'), due('by Friday'), due('before Jan 20'), due('By 2027-02-01')]).toEqual([
      '2027-01-15',
      '2027-01-15',
      '2027-01-20',
      '2027-02-01',
    ]);
    expect([due('by'), due('by the way'), due('bygone')]).toEqual([null, null, null]);
  });

  it('reads the end of the working day said before or after a day as that day', () => {
    // Tuesday 2027-01-12.
    const due = (v: string) => readDueValue(v, '2027-01-12');
    expect([
      due('EOD Friday'),
      due('by COB Thursday'),
      due('end of day on Jan 20'),
      due('end of business day Friday'),
      due('Friday EOD'),
      due('Jan 20, COB'),
    ]).toEqual(['2027-01-15', '2027-01-14', '2027-01-20', '2027-01-15', '2027-01-15', '2027-01-20']);
    // Alone, the end of the plan's own day; before no day, nothing.
    expect([due('EOD'), due('COB'), due('EOD sometime'), due('EODFriday')]).toEqual([
      '2027-01-12',
      null,
      null,
      null,
    ]);
  });

  it('reads a due phrase naming the end of the working day on a day, on an item line', () => {
    const p = parsePlan(
      [
        'Updated 2027-01-12',
        '',
        '- [ ] Send the deck — by EOD Friday',
        '- [ ] File the report (due: COB Thursday)',
        '- [ ] Close the books — due Friday EOD',
        '- [ ] Sign off — due Jan 20, COB',
        '',
      ].join('\n'),
      { file: 'plan.md' },
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Send the deck', '2027-01-15'],
      ['File the report', '2027-01-14'],
      ['Close the books', '2027-01-15'],
      ['Sign off', '2027-01-20'],
    ]);
  });

  it("gives the tasks under a planner's day heading that day as their due date, against the plan's week", () => {
    const p = parsePlan(
      [
        '# Week of Dec 7, 2026',
        '',
        '## Monday (Dec 7)',
        '- [ ] Review the PR',
        '## Wed, Dec 9',
        '- [ ] Interview loop',
        '## 2026-12-10 (Thursday)',
        '- [ ] Draft the OKRs',
        '## Friday',
        '- [ ] Demo prep',
        // A date of its own stands.
        '- [ ] Book the venue — due Dec 18',
        // Not a day: a weekday among other words, or a plural.
        '## Friday demo',
        '- [ ] Record it',
        '## Mondays',
        '- [ ] Water the plants',
        '',
      ].join('\n'),
      { file: 'plan.md' },
    );
    expect(p.items.map((i) => [i.title, i.due])).toEqual([
      ['Review the PR', '2026-12-07'],
      ['Interview loop', '2026-12-09'],
      ['Draft the OKRs', '2026-12-10'],
      ['Demo prep', '2026-12-11'],
      ['Book the venue', '2026-12-18'],
      ['Record it', null],
      ['Water the plants', null],
    ]);
    // Without a date for the plan, a weekday names no day.
    expect(parsePlan('## Friday\n\n- [ ] Demo prep\n', { file: 'plan.md' }).items[0]!.due).toBeNull();
  });

  it('is a Friday on or after the plan date, in its week, for any weekday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const plan = addDays('2026-01-05', n);
        const weekday = new Date(`${plan}T00:00:00Z`).getUTCDay();
        const eow = readDueValue('EOW', plan)!;
        expect(new Date(`${eow}T00:00:00Z`).getUTCDay()).toBe(5);
        const ahead = daysBetween(plan, eow);
        expect(weekday === 6 || weekday === 0 ? ahead < 0 && ahead >= -2 : ahead >= 0 && ahead <= 4).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('a month, quarter or half without its year', () => {
  it("ends in the plan date's year, or the next when that end is over half a year before the plan date", () => {
    const due = (v: string) => readDueValue(v, '2026-12-01');
    expect([
      due('March'),
      due('Mar.'),
      due('end of March'),
      due('Nov'),
      due('Q1'),
      due('h2'),
      due('by Q4'),
    ]).toEqual([
      '2027-03-31',
      '2027-03-31',
      '2027-03-31',
      '2026-11-30',
      '2027-03-31',
      '2026-12-31',
      '2026-12-31',
    ]);
    // A year and a month: the month's last day, a plan date or not.
    expect([
      readDueValue('2026-10', null),
      readDueValue('2027/02', null),
      readDueValue('2026-13', null),
    ]).toEqual(['2026-10-31', '2027-02-28', null]);
    // Without a plan date, the section's dates place it as they place a month and day.
    expect(readDueValue('May', null, '2027-02-10')).toBe('2027-05-31');
    expect([readDueValue('March', null), due('Q5'), due('Marching'), due('May day')]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("is the last day of the month, in the plan date's year unless over half a year before it (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 11 }), (n, m) => {
        const plan = addDays('2026-01-05', n);
        const end = readDueValue(
          ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m]!,
          plan,
        )!;
        expect(Number(end.slice(5, 7))).toBe(m + 1);
        expect(addDays(end, 1).slice(8)).toBe('01');
        // Not over half a year before the plan date; in the plan's year, or the year before was.
        expect(daysBetween(end, plan)).toBeLessThanOrEqual(183);
        const yearBefore = `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`.replace(/-02-29$/, '-02-28');
        expect(end.slice(0, 4) === plan.slice(0, 4) || daysBetween(yearBefore, plan) > 183).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar weeks', () => {
  // ISO 8601's week of a date, as the standard defines it: the week's Thursday decides its year.
  const isoWeek = (iso: string): [number, number] => {
    const t = Date.parse(`${iso}T00:00:00Z`);
    const thursday = new Date(t + (3 - ((new Date(t).getUTCDay() + 6) % 7)) * 86_400_000);
    const year = thursday.getUTCFullYear();
    return [year, 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000))];
  };
  const weeksIn = (year: number) => isoWeek(`${year}-12-28`)[1];

  it("reads a calendar week's Friday, its year stated or placed against the plan date", () => {
    expect(resolveDate('KW 52', '2026-12-01')?.date).toBe('2026-12-25');
    expect(resolveDate('CW 50-51', '2026-12-01')?.date).toBe('2026-12-18');
    expect(resolveDate('2027-W02', null)?.date).toBe('2027-01-15');
    expect(resolveDate('KW 3/2028', null)?.date).toBe('2028-01-21');
    // Over half a year before the plan date: the next year's.
    expect(resolveDate('KW 3', '2026-12-01')?.date).toBe('2027-01-22');
    // Without a year or a plan date, no date; nor a word that ends in the letters.
    expect(resolveDate('KW 3', null)).toBeNull();
    expect(resolveDate('VW 3', '2026-12-01')).toBeNull();
    expect(resolveDate('BKW 3', '2026-12-01')).toBeNull();
  });

  it('is the Friday of the ISO week and year stated, for any week of any year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2199 }), fc.integer({ min: 1, max: 53 }), (year, week) => {
        fc.pre(week <= weeksIn(year));
        const date = resolveDate(`KW ${week}/${year}`, null)!.date;
        expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(5);
        expect(isoWeek(date)).toEqual([year, week]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dateLike', () => {
  it('writes a date in the shape of the one it replaces', () => {
    expect(dateLike('Dec 14, 2026', '2027-01-05')).toBe('Jan 5, 2027');
    expect(dateLike('December 14, 2026', '2027-05-21')).toBe('May 21, 2027');
    expect(dateLike('June 1, 2026', '2027-09-02')).toBe('September 2, 2027');
    expect(dateLike('Sept. 30th 2026', '2027-01-22')).toBe('Jan. 22nd 2027');
    expect(dateLike('14 DEC 2026', '2027-01-05')).toBe('5 JAN 2027');
    expect(dateLike('1st March, 2026', '2027-01-13')).toBe('13th January, 2027');
    expect(dateLike('14.12.2026', '2027-01-05')).toBe('05.01.2027');
    expect(dateLike('4.3.2026', '2027-01-05')).toBe('5.1.2027');
    expect(dateLike('2026/12/14', '2027-01-05')).toBe('2027/01/05');
    // An org timestamp, active or not, with the new date's weekday in the old one's case.
    expect(dateLike('<2026-12-12 Sat>', '2027-01-05')).toBe('<2027-01-05 Tue>');
    expect(dateLike('[2026-12-12 SAT]', '2026-12-20')).toBe('[2026-12-20 SUN]');
    // ISO, a date of words or a guess, and a date this reader would not take back: ISO.
    expect(dateLike('2026-12-14', '2027-01-05')).toBe('2027-01-05');
    expect(dateLike('12/14/2026', '2027-01-05')).toBe('2027-01-05');
    expect(dateLike('next Friday', '2027-01-05')).toBe('2027-01-05');
    expect(dateLike('Dec 14', '2027-01-05')).toBe('2027-01-05');
    expect(dateLike('Dec 14, 2026', 'soon')).toBe('soon');
  });

  it('writes any date so that it reads back, in the shape of any date it replaces (property)', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    // The shapes a plan writes dates in, each with a test of a date written in it.
    const shapes: [(d: Date) => string, RegExp][] = [
      [
        (d) => `${names[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
        /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/,
      ],
      [
        (d) => `${d.getUTCDate()} ${names[d.getUTCMonth()]!.toUpperCase()} ${d.getUTCFullYear()}`,
        /^\d{1,2} [A-Z]{3} \d{4}$/,
      ],
      [
        (d) =>
          `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`,
        /^\d{2}\.\d{2}\.\d{4}$/,
      ],
      [(d) => iso(d).replace(/-/g, '/'), /^\d{4}\/\d{2}\/\d{2}$/],
      [
        (d) => `<${iso(d)} ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]}>`,
        /^<\d{4}-\d{2}-\d{2} [A-Z][a-z]{2}>$/,
      ],
    ];
    fc.assert(
      fc.property(day, day, fc.nat(shapes.length - 1), (was, next, k) => {
        const [write, shape] = shapes[k]!;
        const out = dateLike(write(was), iso(next));
        expect(readAbsoluteDate(out)?.date).toBe(iso(next));
        expect(out).toMatch(shape);
      }),
      { numRuns: 2000 },
    );
  });
});
