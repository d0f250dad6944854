/** A table: a status table's rows are items; a `| Field | Value |` table is its heading's fields. */
import { readLeadingId } from '../attributes/ids.js';
import type { TableBlock } from '../block-types.js';
import { readFieldTable, readStatusTable } from '../table-items.js';
import { newItem } from './draft.js';
import { sectionFields } from './fields.js';
import { currentSection, headingItem, lineEndOffset, type State } from './state.js';

/** The rows of a status table are items; other tables are left to the dashboards. */
export function onTable(st: State, b: TableBlock, parentItem: number) {
  const sec = currentSection(st);
  if (sec >= 0 && st.legendSections[sec]!) return;
  const rows = readStatusTable(st.text, b.lines);
  if (!rows) {
    // `| Field | Value |` rows of Status, Owner, Due: the fields of the heading whose body it is.
    const top = st.open[st.open.length - 1];
    const fields = parentItem < 0 && top?.body ? readFieldTable(st.text, b.lines) : null;
    if (fields) sectionFields(st, fields);
    return;
  }
  const parent = parentItem >= 0 ? parentItem : headingItem(st);
  for (const row of rows) {
    const item = newItem('table-row', row.line);
    const raw = row.title.text;
    const bold = raw.length > 4 && raw.startsWith('**') && raw.endsWith('**') ? 2 : 0;
    const title = raw.slice(bold, raw.length - bold);
    const cellId = row.id ? row.id.text.replace(/[*_`]/g, '') : null;
    // A row's number in a `#` column is no ID beside a tracker's ID opening the title (`| 3 |
    // BILL-214 PDF export |`): the rows are renumbered when they move, the tracker's ID stays.
    const titleLead = cellId === null || ROW_NUMBER_RE.test(cellId) ? readLeadingId(title) : null;
    const lead = cellId === null || titleLead?.kind === 'code' ? titleLead : null;
    const id = lead === null && cellId !== null ? { id: cellId, kind: 'code' as const } : null;
    item.id = id?.id ?? lead?.id ?? null;
    item.title = lead ? title.slice(lead.length) : title;
    item.titleSpan = { start: row.title.start + bold + (lead?.length ?? 0), end: row.title.end - bold };
    item.fields = row.fields;
    item.depth = parent >= 0 ? st.drafts[parent]!.item.depth + 1 : 0;
    item.lineSpan = { start: st.lines.start[row.line]!, end: st.lines.end[row.line]! };
    item.span = { start: item.lineSpan.start, end: lineEndOffset(st, row.line + 1) };
    const status = row.fields.find((f) => f.key === (row.done === null ? 'status' : 'done'));
    // An empty status cell is where a status is written; the attributes pass reads a full one.
    if (status) item.statusSpan = status.valueSpan;
    if (status && row.done !== null) {
      // A Done column's mark says done or not: `❌` there is not done, not cancelled.
      item.status = row.done ? 'done' : 'todo';
      item.statusSource = 'field';
      item.statusText = status.value === '' ? null : status.value;
    }
    st.drafts.push({
      item,
      parent,
      section: sec,
      idKind: id ? id.kind : (lead?.kind ?? null),
      tentative: false,
      endLine: row.line + 1,
      // A row's title is the cell's text as written, not repaired.
      matchText: item.title,
      matchBase: item.titleSpan.start,
      list: -1,
    });
  }
}

/** A table row's number: digits alone. */
const ROW_NUMBER_RE = /^\d+$/;
