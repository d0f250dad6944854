/**
 * Explicit item IDs at the start of a title: `MH-001:`, `**Task 1.1:**`, `T001`, `1.2`, `M1.2`,
 * `[P0-003]`, `[PROJ-12](https://tracker/PROJ-12)`, a tracker's link (`https://github.com/o/r/issues/12`).
 */

import { codePointAt, codePointBefore, isLetterOrDigit, isSpace } from '../chars.js';

export type IdKind = 'code' | 'word' | 'numeric';

export interface IdMatch {
  readonly id: string;
  readonly kind: IdKind;
  /** Length of the prefix to drop from the title (ID, wrapping, separator and spaces). */
  readonly length: number;
}

// Codes: a dashed number (`MH-001`, `P0-003`), letters and three digits or more (`T001`), a letter
// or three and an outline number (`M1.2`, `US2.1`), not `V1.2`, a version; or an issue's number
// (`#1423`), as a milestone's checklist on GitHub or GitLab names its issues: two digits at least, as
// `#1`, `#2` more often number a list's lines.
const CODE = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+(?:\.\d+)*[a-z]?|[A-Z]{1,4}\d{3,}[a-z]?|[A-UW-Z][A-Z]{0,2}\d{1,3}(?:\.\d{1,3})+[a-z]?|#\d{2,7}`;
const WORD = String.raw`(?:Task|Step|Story|Item|Issue|Ticket|Epic|Feature|Bug|Req|Requirement|Subtask|Action|Todo|TODO)\s+#?\d+(?:\.\d+)*[a-z]?`;
const NUMERIC = String.raw`\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=[.)]\s)`;
/**
 * The leading ID. An ID must not run on into a letter or digit: the regexes test only ASCII after it
 * and leave a non-ASCII character there to `exact`, which tests any (`(?![\p{L}\p{N}])`). Unicode
 * classes cost milliseconds to compile for two-byte text, and a character after an ID is almost always
 * ASCII; the regexes without them find the same IDs, so the exact forms are compiled only when needed.
 */
const leadSource = (notWord: string) =>
  String.raw`^(\*\*|__|\[)?\s*(?:(${CODE})|(${WORD})|(${NUMERIC}))${notWord}(?:[.)](?=\s))?\s*(?::\s*)?(\*\*|__|\](?:\([^()\s]*\))?)?\s*(?:(?:[:—–·|]|-(?=\s))\s*)?`;
const LEAD_RE = new RegExp(leadSource('(?![A-Za-z0-9])'));
let leadExact: RegExp | null = null;

/**
 * An ID as a reference names it in a list (`T001`, `MH-002`, `Task 1.2`, `2.1`), for regexes that
 * read such lists: a dotted number counts here, as it cannot where prose might start with one.
 */
export const REF_SOURCE = String.raw`(?:${CODE}|${WORD}|\d{1,3}(?:\.\d{1,3})+)(?![A-Za-z0-9])`;

/** An ID anywhere in text, for references (`P0-001 → P0-003`, `Depends on: MH-002, T004`). */
const anywhereSource = (notBefore: string, notAfter: string) =>
  `(?<!${notBefore})(?:${CODE}|${WORD})(?!${notAfter})`;
const ANYWHERE_RE = new RegExp(anywhereSource('[A-Za-z0-9-]', '[A-Za-z0-9]'), 'g');
let anywhereExact: RegExp | null = null;

/**
 * The first ID in `s` at or after `from` that stands alone (not after a letter, digit or `-`, not
 * before a letter or digit), or null.
 */
export function nextId(s: string, from: number): { index: number; end: number } | null {
  ANYWHERE_RE.lastIndex = from;
  for (let m = ANYWHERE_RE.exec(s); m; m = ANYWHERE_RE.exec(s)) {
    if (isLetterOrDigit(codePointBefore(s, m.index))) {
      ANYWHERE_RE.lastIndex = m.index + 1;
      continue;
    }
    const end = m.index + m[0].length;
    if (s.charCodeAt(end) < 128 || end === s.length) return { index: m.index, end };
    anywhereExact ??= new RegExp(anywhereSource('[\\p{L}\\p{N}-]', '[\\p{L}\\p{N}]'), 'gu');
    anywhereExact.lastIndex = m.index;
    const exact = anywhereExact.exec(s);
    return exact ? { index: exact.index, end: exact.index + exact[0].length } : null;
  }
  return null;
}

/**
 * A letter or two and a number of a digit or two (`B1`, `MS12`): words read so too (`S3 bucket`, `H2
 * database`), so such a code leads a title as its ID only when it is set off as one, by a colon or a
 * dash after it or by bold or brackets around it (`B1: Retry`, `**B1** Retry`, `[B1] Retry`), and never
 * when it names a priority, a quarter, a half or a calendar or fiscal week or year (`P1:`, `Q3 —`).
 */
const SHORT_RE =
  /^(?:(?:(\*\*|__)\s*([A-Z]{1,2}\d{1,2})(?![A-Za-z0-9])(?:\s*:)?\1|\[\s*([A-Z]{1,2}\d{1,2})(?![A-Za-z0-9])(?:\s*:)?\])\s*(?:(?:[:—–]|-(?=\s))\s*)?|([A-Z]{1,2}\d{1,2})(?![A-Za-z0-9])(?:\s*:\s*(?:(?:[:—–]|-(?=\s))\s*)?|\s*(?:[:—–]|-(?=\s))\s*))(?=\s*\S)/;
const NOT_SHORT_ID_RE = /^(?:P\d|Q\d|H\d|FY\d+|CW\d+|KW\d+)$/;

// Only a colon, a dash or a closing wrap may follow the code in SHORT_RE, so a letter outside ASCII
// after it (`B1é`) fails it as ASCII does: no Unicode class is needed.
function readShortId(title: string): IdMatch | null {
  const m = SHORT_RE.exec(title);
  if (!m) return null;
  const id = m[2] ?? m[3] ?? m[4]!;
  return NOT_SHORT_ID_RE.test(id) ? null : { id, kind: 'code', length: m[0].length };
}

/**
 * A link to a tracker's item opening a title, the item's own page: a GitHub or GitLab issue, pull or
 * merge request (`https://github.com/acme/app/issues/12`, `…/-/merge_requests/7`), whose ID is `#12`
 * as GitHub shows it in a task list; a Jira or Linear issue (`https://acme.atlassian.net/browse/PAY-7`,
 * `https://linear.app/acme/issue/ENG-3/slug`), whose ID is its key. In angle brackets or bare.
 */
const TRACKER_URL_RE =
  /^(<?)https?:\/\/[^\s/<>]+\/(?:[^\s<>]*\/)?(?:(?:issues|pull|merge_requests)\/(\d{1,7})|(?:browse|issue)\/([A-Z][A-Z0-9]*-\d{1,7}))(?:[/?#][^\s<>]*)?(>?)(?=[\s:]|$)[ \t]*(?:(?:[:—–·|]|-(?=\s))[ \t]*)?/;

/**
 * The ID a tracker's link opening `title` gives (see TRACKER_URL_RE). The link is set off as an ID
 * is; a title that is the link alone keeps it, as the item has no other words.
 */
function readTrackerLink(title: string): IdMatch | null {
  const m = TRACKER_URL_RE.exec(title);
  if (m === null || m[1] !== (m[4] === '>' ? '<' : '')) return null;
  const id = m[2] !== undefined ? `#${m[2]}` : m[3]!;
  return { id, kind: 'code', length: m[0].length === title.trimEnd().length ? 0 : m[0].length };
}

/**
 * An issue of another repository opening a title, as GitHub and GitLab write one in a task list and
 * link it (`acme/billing#88 Backfill job`): the whole reference is the ID, as `#88` alone would name
 * the plan's own repository's issue. Set off as an ID is; a title that is the reference alone keeps it.
 */
const CROSS_REPO_RE =
  /^([A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}#\d{1,7})(?![A-Za-z0-9_])[ \t]*(?:(?:[:—–·|]|-(?=\s))[ \t]*)?/;
/** How far into a title the slash of such a reference may be: a GitHub owner has 39 characters at most. */
const MAX_OWNER = 39;

function readCrossRepoRef(title: string): IdMatch | null {
  const m = CROSS_REPO_RE.exec(title);
  // Nor may a letter of another script run on from the number (the regex tests ASCII alone).
  if (m === null || isLetterOrDigit(codePointAt(title, m[1]!.length))) return null;
  return { id: m[1]!, kind: 'code', length: m[0].length === title.trimEnd().length ? 0 : m[0].length };
}

/**
 * A record's word before a code (`Story PAY-1: Card vault`, `Task T001 — Schema`): the code is the
 * ID, the word goes with it. Not before an issue's number (`Bug #12` is an ID of words).
 */
const RECORD_WORD_RE =
  /^(?:Task|Story|User story|Item|Issue|Ticket|Epic|Feature|Bug|Subtask|Action)[ \t]+(?=[A-Z][A-Z0-9]*-\d|[A-Z]{1,4}\d{3})/;

/** Reads the ID that leads `title`, if any. */
export function readLeadingId(title: string): IdMatch | null {
  const record = title.charCodeAt(0) <= 90 ? RECORD_WORD_RE.exec(title) : null;
  if (record !== null) {
    const code = readLeadingId(title.slice(record[0].length));
    if (code?.kind === 'code') return { ...code, length: code.length + record[0].length };
  }
  const c = title.charCodeAt(0);
  if ((c === 104 || c === 60) && (title.startsWith('http') || title.startsWith('<http')))
    return readTrackerLink(title);
  const slash = title.indexOf('/');
  if (slash > 0 && slash <= MAX_OWNER && isLetterOrDigit(c)) {
    const ref = readCrossRepoRef(title);
    if (ref !== null) return ref;
  }
  let m = LEAD_RE.exec(title);
  if (!m) return readShortId(title);
  if (title.charCodeAt(idEnd(title, m)) >= 128) {
    leadExact ??= new RegExp(leadSource('(?![\\p{L}\\p{N}])'), 'u');
    m = leadExact.exec(title);
    if (!m) return null;
  }
  // A bracketed ID may be a link to the tracker that holds it: `[PROJ-12](https://…) Title`.
  if ((m[1] === '[') !== (m[5]?.charCodeAt(0) === 93)) return null;
  const kind: IdKind = m[2] ? 'code' : m[3] ? 'word' : 'numeric';
  const raw = m[2] ?? m[3] ?? m[4]!;
  if (kind === 'numeric' && title.slice(m[0].length).trim() === '') return null;
  if (kind === 'code' && COUNTDOWN_RE.test(raw) && TIME_UNIT_RE.test(title.slice(idEnd(title, m))))
    return null;
  return { id: kind === 'word' ? raw.replace(/\s+/g, ' ') : raw, kind, length: m[0].length };
}

/**
 * A letter, a dash and a number followed by a unit of time is a countdown to a date, not an ID: `T-4
 * weeks`, `D-3 days`, as launch plans name their stages.
 */
const COUNTDOWN_RE = /^[A-Z]-\d+$/;
const TIME_UNIT_RE = /^[ \t]+(?:weeks?|wks?|days?|months?|hours?|hrs?|minutes?|mins?)(?![A-Za-z0-9_])/i;

/** Where the ID a LEAD_RE match found ends in `title`. */
function idEnd(title: string, m: RegExpExecArray): number {
  let i = m[1]?.length ?? 0;
  while (isSpace(title.charCodeAt(i))) i++;
  return i + (m[2] ?? m[3] ?? m[4]!).length;
}
