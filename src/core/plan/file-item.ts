/**
 * Plans that are one task each: a file whose own fields describe a single item, the way task tools
 * that keep one file per task write them.
 *
 * - YAML front matter with a status and a title (Backlog.md: `id`, `title`, `status`, `assignee`,
 *   `labels`, `priority`, `dependencies`);
 * - a run of `# Key: value` headings opening the file, among them a status and a title (Taskmaster:
 *   `# Task ID: 12`, `# Title: …`, `# Status: pending`, `# Dependencies: 3, 7`).
 *
 * The fields are read with their spans so the editor can change a value in place. Front matter is
 * read line by line for top-level keys: a scalar (`status: In Progress`, quoted or not), a flow list
 * (`labels: [export, backend]`) or a block list (`assignee:` then `  - '@maria'` lines); anything
 * else YAML can say is left to the front matter parser, which reads the plan's facts.
 */
import type { Field } from '../model.js';
import { normaliseKey } from './attributes/keys.js';
import type { DocumentBlock, HeadingBlock, LineSlice } from './block-types.js';
import { type Lines, lineAt } from './lines.js';
import type { Draft } from './recognise.js';

export interface FileFields {
  readonly fields: Field[];
  /** The title field, among `fields`. */
  readonly title: Field;
  /** 0-based lines of the first field and one past the last. */
  readonly startLine: number;
  readonly endLine: number;
}

const KEY_LINE_RE = /^([A-Za-z][\w -]{0,40}?)[ \t]*:(?:[ \t]+|$)/;
const LIST_ENTRY_RE = /^[ \t]+-[ \t]+/;

/** Keys that make fields a task's, beside its status and title: a document's own metadata has neither. */
const TASK_KEYS: ReadonlySet<string> = new Set(['id', 'owner', 'priority', 'depends', 'due']);

/**
 * The fields of a plan that is one task, or null for any other plan: a status, a title, and one of
 * an ID, owner, priority, dependencies or due date (a roadmap's `title:` and `status: draft` front
 * matter describes a document, not a task).
 */
export function readFileFields(text: string, lines: Lines, doc: DocumentBlock): FileFields | null {
  const first = doc.children[0];
  if (!first) return null;
  const fields =
    first.type === 'frontMatter'
      ? frontMatterFields(text, first.lines)
      : first.type === 'heading'
        ? headingFields(text, doc)
        : null;
  if (!fields || fields.length === 0) return null;
  const title = fields.find((f) => f.key === 'title');
  const stated = (key: string) => fields.some((f) => f.key === key && f.value !== '');
  if (
    !title ||
    !stated('title') ||
    !stated('status') ||
    !fields.some((f) => TASK_KEYS.has(f.key) && f.value !== '')
  )
    return null;
  return {
    fields,
    title,
    startLine: lineAt(lines, fields[0]!.span.start),
    endLine: lineAt(lines, fields[fields.length - 1]!.span.end) + 1,
  };
}

function field(
  key: string,
  rawKey: string,
  value: string,
  span: [number, number],
  valueSpan: [number, number],
): Field {
  return {
    key: normaliseKey(key === 'task id' ? 'id' : key),
    rawKey,
    value,
    span: { start: span[0], end: span[1] },
    valueSpan: { start: valueSpan[0], end: valueSpan[1] },
    style: 'front-matter',
  };
}

interface Scalar {
  /** The value YAML reads (quotes removed, escapes undone). */
  readonly value: string;
  /** Where a new value goes: inside the quotes of a quoted scalar. */
  readonly start: number;
  readonly end: number;
  /** Where the scalar as written ends, its closing quote included. */
  readonly written: number;
}

/** The scalar written at `at` in `s` (up to a comment or the end), as YAML reads it. */
function scalar(s: string, at: number): Scalar {
  const q = s.charAt(0);
  if (q === "'" || q === '"') {
    for (let i = 1; i < s.length; i++) {
      const c = s.charAt(i);
      if (q === '"' && c === '\\') {
        i++;
        continue;
      }
      if (c !== q) continue;
      if (q === "'" && s.charAt(i + 1) === "'") {
        i++;
        continue;
      }
      const inner = s.slice(1, i);
      const value = q === "'" ? inner.replace(/''/g, "'") : unescapeDouble(inner);
      return { value, start: at + 1, end: at + i, written: at + i + 1 };
    }
  }
  // A comment starts at a `#` after white space; found by a scan (`/\s+#.*$/` is quadratic in a
  // long run of spaces).
  let hash = s.indexOf('#');
  while (hash > 0 && !/\s/.test(s.charAt(hash - 1))) hash = s.indexOf('#', hash + 1);
  const plain = (hash > 0 ? s.slice(0, hash) : s).trimEnd();
  return { value: plain, start: at, end: at + plain.length, written: at + plain.length };
}

/** A double-quoted YAML scalar's content, its JSON-compatible escapes undone (others kept as written). */
function unescapeDouble(inner: string): string {
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(`"${inner}"`) as string;
  } catch {
    return inner;
  }
}

function frontMatterFields(text: string, lines: readonly LineSlice[]): Field[] {
  const out: Field[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const line = text.slice(l.start, l.end);
    const m = KEY_LINE_RE.exec(line);
    if (!m) continue;
    const rawKey = m[1]!;
    const key = rawKey.toLowerCase().replace(/_/g, ' ');
    const at = l.start + m[0].length;
    const rest = line.slice(m[0].length);
    if (rest.trim() === '' || rest.trimStart().startsWith('#')) {
      // A block list: the indented `- entry` lines that follow.
      const entries: Scalar[] = [];
      let last = i;
      while (last + 1 < lines.length) {
        const next = lines[last + 1]!;
        const e = LIST_ENTRY_RE.exec(text.slice(next.start, next.end));
        if (!e) break;
        entries.push(scalar(text.slice(next.start + e[0].length, next.end), next.start + e[0].length));
        last++;
      }
      if (entries.length === 0) continue;
      const to = lines[last]!.end;
      const value = entries.map((e) => e.value).join(', ');
      // One entry: a new value takes its place in the list. Several: the value's span covers them
      // all, and a new value written there is a plain scalar on the next line, which YAML reads as
      // the key's value.
      const from = entries.length === 1 ? entries[0]!.start : text.indexOf('-', lines[i + 1]!.start);
      const until = entries.length === 1 ? entries[0]!.end : entries[entries.length - 1]!.written;
      out.push(field(key, rawKey, value, [l.start, to], [from, until]));
      i = last;
    } else if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close < 0) continue;
      const value = rest
        .slice(1, close)
        .split(',')
        .map((v) => scalar(v.trim(), 0).value)
        .filter((v) => v !== '')
        .join(', ');
      out.push(field(key, rawKey, value, [l.start, at + close + 1], [at, at + close + 1]));
    } else {
      const v = scalar(rest, at);
      out.push(field(key, rawKey, v.value, [l.start, v.written], [v.start, v.end]));
    }
  }
  return out;
}

/** `# Key: value` headings at the top of the file, with the content under each in between. */
function headingFields(text: string, doc: DocumentBlock): Field[] {
  const out: Field[] = [];
  let level = 0;
  for (const b of doc.children) {
    if (b.type !== 'heading') continue;
    const h = b as HeadingBlock;
    if (level === 0) level = h.level;
    if (h.level !== level || h.lines.length !== 1) break;
    const f = readHeadingField(text, h.lines[0]!);
    if (!f) break;
    out.push(f);
  }
  // Two fields at least, or any plan opening with `# Status: Draft` would be one task.
  return out.length >= 2 ? out : [];
}

/** The content of a `# Key: value` heading (`l`) as a field, or null when it is not one. */
export function readHeadingField(text: string, l: LineSlice): Field | null {
  const content = text.slice(l.start, l.end);
  const m = KEY_LINE_RE.exec(content);
  if (!m) return null;
  const rawKey = m[1]!;
  const value = content.slice(m[0].length).trim();
  const at = l.start + m[0].length;
  return {
    ...field(rawKey.toLowerCase(), rawKey, value, [l.start, l.end], [at, at + value.length]),
    style: 'heading-field',
  };
}

/**
 * A task file's numbered headings under it are its subtasks (Taskmaster's `## 1. Design the schema
 * [done]`), named by the task's ID and their number, as other tasks depend on them: `12.1`.
 */
export function numberSubtasks(drafts: readonly Draft[]): void {
  const file = drafts[0];
  if (file?.item.kind !== 'file' || file.item.id === null) return;
  const prefix = `${file.item.id}.`;
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (
      d.parent !== 0 ||
      d.item.kind !== 'heading' ||
      d.idKind !== 'numeric' ||
      !/^\d+$/.test(d.item.id ?? '')
    )
      continue;
    d.item.id = prefix + d.item.id;
    d.idKind = 'code';
  }
}
