/** Explicit item IDs at the start of a title: `MH-001:`, `**Task 1.1:**`, `T001`, `1.2`, `[P0-003]`. */

export type IdKind = 'code' | 'word' | 'numeric';

export interface IdMatch {
  readonly id: string;
  readonly kind: IdKind;
  /** Length of the prefix to drop from the title (ID, wrapping, separator and spaces). */
  readonly length: number;
}

const CODE = String.raw`[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+(?:\.\d+)*[a-z]?|[A-Z]{1,4}\d{3,}`;
const WORD = String.raw`(?:Task|Step|Story|Item|Issue|Ticket|Epic|Feature|Bug|Req|Requirement|Subtask|Action|Todo|TODO)\s+#?\d+(?:\.\d+)*[a-z]?`;
const NUMERIC = String.raw`\d{1,3}(?:\.\d{1,3})+|\d{1,3}(?=[.)]\s)`;
const LEAD_RE = new RegExp(
  String.raw`^(\*\*|__|\[)?\s*(?:(${CODE})|(${WORD})|(${NUMERIC}))(?![\p{L}\p{N}])(?:[.)](?=\s))?\s*(?::\s*)?(\*\*|__|\])?\s*(?:(?:[:—–]|-(?=\s))\s*)?`,
  'u',
);
/** An ID anywhere in text, for references (`P0-001 → P0-003`, `Depends on: MH-002, T004`). */
export const ID_ANYWHERE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:${CODE}|${WORD})(?![\p{L}\p{N}])`,
  'gu',
);

/** Reads the ID that leads `title`, if any. */
export function readLeadingId(title: string): IdMatch | null {
  const m = LEAD_RE.exec(title);
  if (!m) return null;
  if ((m[1] === '[') !== (m[5] === ']')) return null;
  const kind: IdKind = m[2] ? 'code' : m[3] ? 'word' : 'numeric';
  const raw = m[2] ?? m[3] ?? m[4]!;
  if (kind === 'numeric' && title.slice(m[0].length).trim() === '') return null;
  return { id: kind === 'word' ? raw.replace(/\s+/g, ' ') : raw, kind, length: m[0].length };
}
