import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextId, readLeadingId } from './ids.js';

// The regexes as first written, with their Unicode classes: the IDs read must be the same.
const CODE = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+(?:\.\d+)*[a-z]?|[A-Z]{1,4}\d{3,}[a-z]?|[A-UW-Z][A-Z]{0,2}\d{1,3}(?:\.\d{1,3})+[a-z]?|#\d{2,7}`;
const WORD = String.raw`(?:Task|Step|Story|Item|Issue|Ticket|Epic|Feature|Bug|Req|Requirement|Subtask|Action|Todo|TODO)\s+#?\d+(?:\.\d+)*[a-z]?`;
const NUMERIC = String.raw`\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=[.)]\s)`;
const LEAD_RE = new RegExp(
  String.raw`^(\*\*|__|\[)?\s*(?:(${CODE})|(${WORD})|(${NUMERIC}))(?![\p{L}\p{N}])(?:[.)](?=\s))?\s*(?::\s*)?(\*\*|__|\](?:\([^()\s]*\))?)?\s*(?:(?:[:—–·|]|-(?=\s))\s*)?`,
  'u',
);
const ID_ANYWHERE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${CODE}|${WORD})(?![\p{L}\p{N}])`, 'gu');

// A short code (`B1`) set off as an ID, in one Unicode regex: wrapped whole, or followed by a colon or
// a set-off dash, and something after it.
const SHORT_RE =
  /^(?:(?:(\*\*|__)\s*([A-Z]{1,2}\d{1,2})(?![\p{L}\p{N}])(?:\s*:)?\1|\[\s*([A-Z]{1,2}\d{1,2})(?![\p{L}\p{N}])(?:\s*:)?\])\s*(?:(?:[:—–]|-(?=\s))\s*)?|([A-Z]{1,2}\d{1,2})(?![\p{L}\p{N}])(?:\s*:\s*(?:(?:[:—–]|-(?=\s))\s*)?|\s*(?:[:—–]|-(?=\s))\s*))(?=\s*\S)/u;

function referenceShort(title: string) {
  const m = SHORT_RE.exec(title);
  if (!m) return null;
  const id = m[2] ?? m[3] ?? m[4]!;
  if (/^(?:P\d|Q\d|H\d|FY\d+|CW\d+|KW\d+)$/.test(id)) return null;
  return { id, kind: 'code', length: m[0].length };
}

// A record's word before a code is read with it: `Story PAY-1: Card vault`.
const RECORD_RE = /^(?:Task|Story|User story|Item|Issue|Ticket|Epic|Feature|Bug|Subtask|Action)[ \t]+/;

/**
 * An issue of another repository opening the title (`acme/web#12 Fix login`): the run of the
 * characters such a reference has, an owner of 39 at most, a slash, a repository and an issue's
 * number, and then no letter or digit of any script.
 */
function referenceCrossRepo(title: string): { id: string; kind: string; length: number } | null {
  const token = /^[A-Za-z0-9._/#-]*/.exec(title)![0];
  const hash = token.indexOf('#');
  const slash = token.indexOf('/');
  const number = token.slice(hash + 1);
  if (hash < 0 || slash < 1 || slash > 39 || !/^\d{1,7}/.test(number)) return null;
  const digits = /^\d+/.exec(number)![0].slice(0, 7);
  const id = token.slice(0, hash + 1 + digits.length);
  const owner = id.slice(0, slash);
  const repo = id.slice(slash + 1, hash);
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(owner) || !/^[A-Za-z0-9._-]{1,100}$/.test(repo)) return null;
  if (/^[\p{L}\p{N}_]/u.test(title.slice(id.length))) return null;
  const setOff = /^[ \t]*(?:(?:[:—–·|]|-(?=\s))[ \t]*)?/.exec(title.slice(id.length))![0];
  const length = id.length + setOff.length;
  return { id, kind: 'code', length: length === title.trimEnd().length ? 0 : length };
}

function referenceLeading(title: string): { id: string; kind: string; length: number } | null {
  const cross = referenceCrossRepo(title);
  if (cross !== null) return cross;
  const record = RECORD_RE.exec(title);
  if (record !== null && /^[A-Z]/.test(title.slice(record[0].length))) {
    const rest = referenceLeading(title.slice(record[0].length));
    // A dashed code or letters and three digits; not an issue's number (`Bug #12` is an ID of words).
    // The code right after the word: not after a second one (`Story Story MH-001`).
    if (
      rest?.kind === 'code' &&
      /^(?:[A-Z][A-Z0-9]*-\d|[A-Z]{1,4}\d{3})/.test(rest.id) &&
      title.startsWith(rest.id, record[0].length)
    )
      return { ...rest, length: rest.length + record[0].length };
  }
  const m = LEAD_RE.exec(title);
  if (!m) return referenceShort(title);
  if ((m[1] === '[') !== (m[5]?.startsWith(']') ?? false)) return null;
  const kind = m[2] ? 'code' : m[3] ? 'word' : 'numeric';
  const raw = m[2] ?? m[3] ?? m[4]!;
  if (kind === 'numeric' && title.slice(m[0].length).trim() === '') return null;
  // A countdown (`T-4 weeks`): a letter, a dash, a number and a unit of time after white space.
  const after = title.slice(title.indexOf(raw) + raw.length);
  if (
    /^[A-Z]-\d+$/.test(raw) &&
    /^[ \t]+(weeks?|wks?|days?|months?|hours?|hrs?|minutes?|mins?)\b/i.test(after)
  )
    return null;
  return { id: kind === 'word' ? raw.replace(/\s+/g, ' ') : raw, kind, length: m[0].length };
}

function referenceAll(s: string): string[] {
  return [...s.matchAll(ID_ANYWHERE_RE)].map((m) => `${m.index}:${m[0]}`);
}

function scannedAll(s: string): string[] {
  const out: string[] = [];
  for (let m = nextId(s, 0); m; m = nextId(s, m.end)) out.push(`${m.index}:${s.slice(m.index, m.end)}`);
  return out;
}

const piece = fc.oneof(
  fc.constantFrom(
    'MH-001',
    'P0-003',
    'T001',
    'AB1234',
    'Task 1.2',
    'Step #3',
    'Item 4a',
    '1.2',
    '12',
    'X-1.2b',
    'M1.2',
    'US2.1a',
    'V1.2',
    'B1',
    'MS12',
    'P1',
    'FY25',
    '#1423',
    '#12a',
    'T-4',
    'Story ',
    'Bug ',
    'acme/web#12',
    'a/b',
    '/',
    'ACME-1/x.y#3',
    ' weeks',
    ' days ago',
  ),
  fc.constantFrom('**', '__', '[', ']', ':', ' ', '. ', ') ', ' - ', '—', '-', '.', '·', '|', 'a', 'Z', '9'),
  fc.constantFrom('(', ')', '(https://t.example/PROJ-12)', '(a b)', ']('),
  fc.constantFrom('é', 'ß', '٣', '中', '𝒜', '\ud835', '\udc9c', '✅', '\u00a0', '\u3000'),
  fc.string({ maxLength: 2 }),
);

describe('IDs', () => {
  it('reads a bracketed ID that links to its tracker, the link left out of the title', () => {
    const title = '[PROJ-12](https://jira.example.com/browse/PROJ-12) Migrate billing';
    const id = readLeadingId(title);
    expect(id).toEqual({ id: 'PROJ-12', kind: 'code', length: title.indexOf('Migrate') });
    // A destination with spaces is not a link's: the text stays the title's.
    expect(readLeadingId('[PROJ-12](see notes) Migrate')?.length).toBe('[PROJ-12]'.length);
    // A link around an ID opened by nothing is no bracketed ID.
    expect(readLeadingId('PROJ-12](x) Migrate')).toBeNull();
  });

  it("reads a record's word before a code with the code", () => {
    expect(readLeadingId('Story PAY-1: Card vault')).toEqual({ id: 'PAY-1', kind: 'code', length: 13 });
    expect(readLeadingId('Task T001 — Schema')).toEqual({ id: 'T001', kind: 'code', length: 12 });
    expect(readLeadingId('Bug #12: crash')).toEqual({ id: 'Bug #12', kind: 'word', length: 9 });
    expect([readLeadingId('Story about dogs'), readLeadingId('Story P1: x')]).toEqual([null, null]);
  });

  it("reads an issue's number as an ID, and a countdown not", () => {
    expect(readLeadingId('#1423 Config file v2')).toEqual({ id: '#1423', kind: 'code', length: 6 });
    expect(readLeadingId('**#1423** Config')?.id).toBe('#1423');
    expect(readLeadingId('#12a notes')).toBeNull();
    expect(readLeadingId('#1 The archive holds every original')).toBeNull();
    expect(scannedAll('blocked on #1423, not a#12 nor #tag')).toEqual(['11:#1423']);
    expect(readLeadingId('T-4 weeks')).toBeNull();
    expect(readLeadingId('D-3 days: freeze')).toBeNull();
    expect(readLeadingId('T-4: weeks of work')?.id).toBe('T-4');
    expect(readLeadingId('AB-4 weeks')?.id).toBe('AB-4');
    // The unit is a word of its own: `weeks1` is none.
    expect(readLeadingId('T-4 weeks1 plan')?.id).toBe('T-4');
  });

  it("reads another repository's issue opening a title as the ID, the whole reference", () => {
    expect(readLeadingId('acme/billing#88 Backfill job')).toEqual({
      id: 'acme/billing#88',
      kind: 'code',
      length: 'acme/billing#88 '.length,
    });
    expect(readLeadingId('acme/billing#88: Backfill job')?.length).toBe('acme/billing#88: '.length);
    expect(readLeadingId('acme/billing#88')).toEqual({ id: 'acme/billing#88', kind: 'code', length: 0 });
    for (const other of ['1/2 of the work', 'acme/billing#88x Broken', 'acme/billing #88 x', '/billing#88 x'])
      expect(readLeadingId(other), other).toBeNull();
  });

  it("reads a tracker's link opening a title as the ID of the item it shows, and no other link", () => {
    expect(readLeadingId('https://github.com/acme/app/issues/1221 Windows ARM builds')).toEqual({
      id: '#1221',
      kind: 'code',
      length: 'https://github.com/acme/app/issues/1221 '.length,
    });
    expect(readLeadingId('<https://github.com/acme/app/pull/77> — Fix CI')?.length).toBe(
      '<https://github.com/acme/app/pull/77> — '.length,
    );
    expect(readLeadingId('https://gitlab.com/g/p/-/merge_requests/12 Bump deps')?.id).toBe('#12');
    expect(readLeadingId('https://acme.atlassian.net/browse/PAY-123: Refund flow')?.id).toBe('PAY-123');
    expect(readLeadingId('https://linear.app/acme/issue/ENG-42/fix-login Fix login')?.id).toBe('ENG-42');
    // A link alone is the item's only words: it stays its title.
    expect(readLeadingId('https://github.com/acme/app/issues/5')).toEqual({
      id: '#5',
      kind: 'code',
      length: 0,
    });
    for (const other of [
      'https://example.com/docs read the docs',
      'https://github.com/acme/app/issues list',
      'https://github.com/acme/app/issues/5x Broken',
      '<https://github.com/acme/app/issues/5 Broken',
      'https://github.com/acme/app/issues/5> Broken',
      'http://',
    ])
      expect(readLeadingId(other), other).toBeNull();
  });

  it('reads a letter and an outline number as an ID, but not a version', () => {
    expect(readLeadingId('M1.2 Incremental indexing')).toEqual({ id: 'M1.2', kind: 'code', length: 5 });
    expect(readLeadingId('US2.1: Sign in')?.id).toBe('US2.1');
    expect(readLeadingId('V1.2 release notes')).toBeNull();
    expect(readLeadingId('M1 kickoff')).toBeNull();
    expect(readLeadingId('Python3.12 upgrade')).toBeNull();
    expect(scannedAll('blocked by M2.1, then PG16.1 and v1.2')).toEqual(['11:M2.1', '22:PG16.1']);
  });

  it('reads a short code as an ID only when it is set off as one, and never a priority or a quarter', () => {
    expect(readLeadingId('B1: Retry schedule')).toEqual({ id: 'B1', kind: 'code', length: 4 });
    expect(readLeadingId('B12 — Retry schedule')?.id).toBe('B12');
    expect(readLeadingId('**B1** Retry schedule')?.id).toBe('B1');
    expect(readLeadingId('**B1:** Retry schedule')?.length).toBe('**B1:** '.length);
    expect(readLeadingId('[MS3] Retry schedule')?.id).toBe('MS3');
    for (const words of ['S3 bucket policy', 'H2 database', 'B1 Retry', 'E2E: tests', 'B1:', 'B1éa: x'])
      expect(readLeadingId(words), words).toBeNull();
    for (const label of ['P1: Fix login', 'Q3 — Launch', 'H2: Hiring', 'FY26: Budget', '**P0** Outage'])
      expect(readLeadingId(label), label).toBeNull();
    expect(readLeadingId('**B1 Retry')).toBeNull();
    expect(readLeadingId('[B1** Retry')).toBeNull();
  });

  it('reads a leading ID as the Unicode regex does, on any title', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        expect(readLeadingId(s)).toEqual(referenceLeading(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds IDs anywhere as the Unicode regex does, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(scannedAll(s)).toEqual(referenceAll(s));
      }),
      { numRuns: 5000 },
    );
  });
});
