/** Text helpers for dashboards: normalised matching text, and lines read through the encoding repair. */
import type { EncodingAnomaly, Plan } from '../model.js';
import { damage, repairForMatching } from '../plan/encoding.js';

/** Lower-cased letters and digits separated by single spaces, mojibake repaired: the form labels are matched in. */
export function norm(s: string): string {
  return repairForMatching(s)
    .replace(LOST, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A lost character: U+FFFD, or its UTF-8 bytes read as Windows-1252. */
const LOST = /\uFFFD|ï¿½/g;

/** A label as a reader sees it: lost characters and leading emoji dropped. */
export function displayLabel(s: string): string {
  return repairForMatching(s)
    .replace(LOST, '')
    .replace(/^(?:\s|\p{Extended_Pictographic}|\uFE0F|\u200D)+/u, '')
    .trim();
}

interface Piece {
  /** Start in the repaired text. */
  readonly at: number;
  /** Start and end in the original text. */
  readonly start: number;
  readonly end: number;
  /** The anomaly this piece repairs, or null for text kept as it is. */
  readonly anomaly: EncodingAnomaly | null;
  readonly length: number;
}

/**
 * A line of the plan as it reads with its mojibake repaired, and the way back: spans found in the
 * repaired text map to the original when they start and end outside a repaired run, and a
 * replacement of exactly one repaired run is written damaged the same way (so the layout of a
 * damaged file is kept and encoding repair stays a separate fix).
 */
export class LineText {
  readonly text: string;
  private readonly pieces: Piece[];

  constructor(
    readonly original: string,
    /** Offset of the line's first character in the plan. */
    readonly base: number,
    anomalies: readonly EncodingAnomaly[],
  ) {
    const pieces: Piece[] = [];
    let text = '';
    let pos = base;
    const end = base + original.length;
    for (const a of anomalies) {
      if (a.repaired === null || a.span.start < pos || a.span.end > end) continue;
      if (a.span.start > pos) {
        pieces.push({
          at: text.length,
          start: pos,
          end: a.span.start,
          anomaly: null,
          length: a.span.start - pos,
        });
        text += original.slice(pos - base, a.span.start - base);
      }
      pieces.push({
        at: text.length,
        start: a.span.start,
        end: a.span.end,
        anomaly: a,
        length: a.repaired.length,
      });
      text += a.repaired;
      pos = a.span.end;
    }
    if (pos < end) {
      pieces.push({ at: text.length, start: pos, end, anomaly: null, length: end - pos });
      text += original.slice(pos - base);
    }
    this.text = text;
    this.pieces = pieces;
  }

  /** The original offset of repaired offset `i`, or null when `i` falls inside a repaired run. */
  offset(i: number): number | null {
    if (this.pieces.length === 0) return this.base + i;
    for (const p of this.pieces) {
      if (i === p.at) return p.start;
      if (i < p.at + p.length) return p.anomaly === null ? p.start + (i - p.at) : null;
    }
    return i === this.text.length ? this.base + this.original.length : null;
  }

  /**
   * An edit replacing repaired `[from, to)` by `replacement`, in original offsets; null when the
   * range cuts a repaired run, or covers more than one and so cannot be written back damaged.
   */
  edit(from: number, to: number, replacement: string): { start: number; end: number; text: string } | null {
    const start = this.offset(from);
    const end = this.offset(to);
    if (start === null || end === null) return null;
    const inside = this.pieces.filter((p) => p.anomaly !== null && p.start < end && p.end > start);
    if (inside.length === 0) return { start, end, text: replacement };
    const a = inside[0]!.anomaly!;
    if (inside.length > 1 || a.codePage === null || a.span.start !== start || a.span.end !== end) return null;
    return { start, end, text: damage(replacement, a.codePage) };
  }
}

/** Anomalies grouped by 1-based line, for building LineTexts. */
export function anomaliesByLine(plan: Plan): Map<number, EncodingAnomaly[]> {
  const map = new Map<number, EncodingAnomaly[]>();
  for (const a of plan.anomalies) {
    const list = map.get(a.line);
    if (list) list.push(a);
    else map.set(a.line, [a]);
  }
  return map;
}

/** Line `i` (0-based) of the plan, repaired for matching. */
export function lineText(plan: Plan, i: number, anomalies: ReadonlyMap<number, EncodingAnomaly[]>): LineText {
  const start = plan.lines.start[i]!;
  const end = plan.lines.end[i]!;
  return new LineText(plan.text.slice(start, end), start, anomalies.get(i + 1) ?? []);
}
