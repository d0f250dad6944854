/**
 * Field lines outside any item: the plan's, or those of the heading whose body they are, which they
 * may make an item (sectionFields); and the readers of a plain `Key: value` line of any short key and
 * of Kiro's `_Requirements: 1.1_` line.
 */
import type { Field } from '../../model.js';
import { isKnownFieldKey } from '../attributes/field-lines.js';
import { ITEM_KEYS, normaliseKey } from '../attributes/keys.js';
import type { LineSlice } from '../block-types.js';
import { repairForMatching } from '../encoding.js';
import { readHeading } from '../headings.js';
import { addHeadingDraft, findHeadingBlockLine, rangesAsWritten } from './sections.js';
import type { State } from './state.js';

/** A line that is one plain `Key: value` of any short key (`Notes: ran it first`), or null. */
export function plainKeyField(st: State, l0: LineSlice): Field[] | null {
  const m = PLAIN_FIELD_RE.exec(st.text.slice(l0.start, l0.end));
  if (m === null) return null;
  const value = m[2]!.trimEnd();
  const valueAt = l0.start + m[0].length - m[2]!.length;
  return [
    {
      key: normaliseKey(m[1]!),
      rawKey: m[1]!,
      value,
      span: { start: l0.start, end: valueAt + value.length },
      valueSpan: { start: valueAt, end: valueAt + value.length },
      style: 'kv',
    },
  ];
}

/** Field lines outside any item: the plan's, or the enclosing heading's, which they may make an item. */
export function sectionFields(st: State, fields: Field[]) {
  const top = st.open[st.open.length - 1];
  if (!top || top.index === st.titleSection) {
    for (const f of fields) st.planFields.push(f);
  } else if (top.body) {
    if (top.draft < 0 && fields.some((f) => ITEM_KEYS.has(f.key))) {
      const b = findHeadingBlockLine(st, st.sectionLines[top.index]!);
      const repaired = repairForMatching(b.raw);
      const info = readHeading(repaired);
      top.draft = addHeadingDraft(
        st,
        b.block,
        info,
        top.index,
        b.first,
        b.last,
        repaired === b.raw ? info : b.first === b.last ? rangesAsWritten(b.raw, info) : readHeading(b.raw),
      );
    }
    if (top.draft >= 0) for (const f of fields) st.drafts[top.draft]!.item.fields.push(f);
  } else if (isFooterField(fields)) {
    for (const f of fields) st.planFields.push(f);
  } else if (top.draft >= 0 && fields.some((f) => ITEM_KEYS.has(f.key) || isKnownFieldKey(f.rawKey))) {
    // A heading item's fields after its checklist (`**Estimate:** 5 pts · **Assignee:** @maya`
    // under its acceptance criteria) are still its own; they make no heading an item there.
    for (const f of fields) st.drafts[top.draft]!.item.fields.push(f);
  }
}

/** A plain field of a short key, one to three words: `Notes: ran pg_upgrade on the replica first`. */
const PLAIN_FIELD_RE = /^(\p{L}[\p{L}\p{N}_-]*(?: [\p{L}\p{N}_-]+){0,2})[ \t]*[:：][ \t]+(\S.*)$/u;

/** Footer facts (`**Last Updated:** …`, `**Version:** …`) outside any item. */
function isFooterField(fields: readonly Field[]): boolean {
  return fields.some((f) =>
    /^(?:last updated|updated|version|next review|plan owner|maintained by|date)$/.test(f.key),
  );
}

/** Kiro's `_Requirements: 1.1, 2.3_` detail line. */
export function kiroRequirements(text: string, l: LineSlice): Field[] | null {
  const m = /^_(Requirements?):\s*([^_]+)_\s*$/.exec(text.slice(l.start, l.end));
  if (!m) return null;
  const valueStart = l.start + m[0].indexOf(m[2]!);
  return [
    {
      key: 'requirements',
      rawKey: m[1]!,
      value: m[2]!.trim(),
      span: { start: l.start, end: l.end },
      valueSpan: { start: valueStart, end: valueStart + m[2]!.trim().length },
      style: 'sub-bullet',
    },
  ];
}
