/**
 * Meeting notes name their people once (`Attendees: Alice, Bob, Carol Diaz`, or a list under `##
 * Attendees`) and give action items to them by name: `- [ ] Alice: draft the review template`, `-
 * [ ] Bob to call the vendor`. Against that roster, a name opening an item's title is its owner. A
 * name is never read without the roster: `Docs: update the runbook` opens with a word, not a person.
 * The title keeps the name, so an item's key does not change with the roster.
 */
import type { DocumentBlock, HeadingBlock, ParagraphBlock } from '../block-types.js';
import type { Draft } from '../recognise.js';

/** The key of a line naming the people present. */
const ROSTER_LINE_RE =
  /^[\s*_]*(?:attendees|participants|present|attendance|people)[*_]*\s*[:–—-]\s*[*_]*\s*(?=\S)/i;
/** A heading over a list of them. */
const ROSTER_HEADING_RE = /^(?:attendees|participants|present|attendance|people)\s*:?$/i;
/** Between the names of a roster line. */
const NAME_SEPARATOR_RE = /[ \t]{0,8}(?:[,;·•|]|[ \t]&[ \t]|[ \t]and[ \t])[ \t]{0,8}/;
/** A name as a roster gives it: one to three capitalised words, or a handle (`@kim`). */
const NAME_RE = /^(?:@[\p{L}_][\p{L}\p{N}_.-]*|\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2})$/u;
/** How far into a line its roster key is looked for, and the longest name read. */
const MAX_ROSTER_KEY = 40;
const MAX_NAME = 60;
/** The most names read from one roster: a longer line is prose. */
const MAX_NAMES = 40;

/**
 * The plan's people by the lower-cased name an item may open with (a full name, a first name, a
 * handle), each to the name as the roster gives it (without `@`); empty when the plan has no roster.
 */
export function readRoster(text: string, doc: DocumentBlock): Map<string, string> {
  const roster = new Map<string, string>();
  const add = (raw: string) => {
    if (raw.length > MAX_NAME) return;
    const name = raw
      .replace(/\s*\([^()]*\)\s*$/, '')
      .replace(/^[*_]+|[*_.]+$/g, '')
      .trim();
    if (!NAME_RE.test(name)) return;
    const plain = name.replace(/^@/, '');
    roster.set(plain.toLowerCase(), plain);
    const first = plain.split(' ')[0]!.toLowerCase();
    if (!roster.has(first)) roster.set(first, plain);
  };
  const top = doc.children;
  for (let i = 0; i < top.length; i++) {
    const b = top[i]!;
    if (b.type === 'paragraph') {
      for (const l of (b as ParagraphBlock).lines) {
        // The key opens the line: looked for in its head, so a long line costs one pass.
        const m = ROSTER_LINE_RE.exec(text.slice(l.start, Math.min(l.end, l.start + MAX_ROSTER_KEY)));
        if (m === null) continue;
        const names = text.slice(l.start + m[0].length, l.end).split(NAME_SEPARATOR_RE);
        if (names.length <= MAX_NAMES) for (const n of names) add(n);
      }
    } else if (b.type === 'heading' && ROSTER_HEADING_RE.test(headingText(text, b))) {
      const list = top[i + 1];
      if (list?.type !== 'list') continue;
      for (const li of list.children.slice(0, MAX_NAMES)) {
        const first = li.children[0];
        if (first?.type !== 'paragraph' || first.lines.length !== 1) continue;
        const l = first.lines[0]!;
        add(text.slice(l.start, l.end).replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, ''));
      }
    }
  }
  return roster;
}

/** A heading's text without emphasis marks; only as long as a roster's title may be (`Attendees:`). */
function headingText(text: string, b: HeadingBlock): string {
  const l = b.lines[0];
  if (l === undefined || b.lines.length > 1 || l.end - l.start > MAX_ROSTER_TITLE) return '';
  return text.slice(l.start, l.end).replace(/[*_]/g, '').trim();
}
const MAX_ROSTER_TITLE = 24;

/**
 * A name of the roster opening the title (`Alice: …`, `Carol Diaz — …`, `@bob: …`, `Bob to call …`),
 * or in parentheses ending it (`Send the deck (Ana)`): the owner of an item that names none otherwise.
 */
export function applyRoster(drafts: readonly Draft[], roster: ReadonlyMap<string, string>): void {
  if (roster.size === 0) return;
  for (const d of drafts) {
    const item = d.item;
    if (item.owner !== null) continue;
    const m = OPENING_NAME_RE.exec(item.title) ?? ENDING_NAME_RE.exec(item.title);
    if (m === null) continue;
    item.owner = roster.get(m[1]!.toLowerCase()) ?? null;
  }
}

/** One to three words in parentheses ending a title: `Send the deck (Ana)`, `Book the room (Bo Li)`. */
const ENDING_NAME_RE = /\(\s*@?([\p{L}][\p{L}'’.-]*(?:\s[\p{L}][\p{L}'’.-]*){0,2})\s*\)\s*$/u;

/** One to three words opening a title, then a colon or a dash, or ` to ` and a lower-case verb. */
const OPENING_NAME_RE =
  /^@?([\p{L}][\p{L}'’.-]*(?:\s[\p{L}][\p{L}'’.-]*){0,2}?)(\s*:\s|\s+[—–-]\s+| to (?=\p{Ll}))/u;
