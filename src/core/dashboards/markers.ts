/**
 * Managed dashboards: the regions between `<!-- taskmark:progress by=… format=… -->` and
 * `<!-- /taskmark -->` that `taskmark sync` regenerates whole. Malformed markers are problems to
 * report, never regions to rewrite.
 */
import type { Plan, Span } from '../model.js';
import { maskCode } from '../plan/attributes/mask.js';
import { LINE } from './blocks.js';

const BY = ['section', 'priority', 'owner', 'phase'] as const;
export type By = (typeof BY)[number];
const FORMATS = ['table', 'bar', 'counter'] as const;
export type Format = (typeof FORMATS)[number];

export interface ManagedBlock {
  /** The opening marker line (without its line ending). */
  readonly open: Span;
  /** The closing marker line. */
  readonly close: Span;
  /** What sync rewrites: from the line after the opening marker to the start of the closing one. */
  readonly content: Span;
  /** 1-based lines of the markers. */
  readonly openLine: number;
  readonly closeLine: number;
  /** Group rows by this; null for one figure for the whole plan. */
  readonly by: By | null;
  readonly format: Format;
  /** The counter's label (`label="Overall Progress"`); null for the default, `Progress`. */
  readonly label: string | null;
}

type Settings = Pick<ManagedBlock, 'by' | 'format' | 'label'>;

export interface MarkerProblem {
  readonly span: Span;
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

const OPEN = /^\s{0,3}<!--\s*taskmark:([\w-]*)((?:\s+[^\s]*)*?)\s*-->\s*$/;
const CLOSE = /^\s{0,3}<!--\s*\/taskmark\s*-->\s*$/;
const ANY = /<!--\s*\/?taskmark\b/;

/** The plan's managed blocks and the problems with its markers, in order. */
export function findManagedBlocks(
  plan: Plan,
  kinds: Uint8Array,
): { blocks: ManagedBlock[]; problems: MarkerProblem[] } {
  const blocks: ManagedBlock[] = [];
  const problems: MarkerProblem[] = [];
  let open: { span: Span; line: number; settings: Settings | null } | null = null;
  const { lines, text } = plan;
  for (let l = 0; l < lines.count; l++) {
    const kind = kinds[l];
    if (kind === LINE.skip || kind === LINE.drawn || kind === LINE.table) continue;
    const s = text.slice(lines.start[l], lines.end[l]);
    // A marker quoted in inline code (`<!-- taskmark:progress -->` in prose) is an example, not a marker.
    if (!ANY.test(s) || !ANY.test(maskCode(s))) continue;
    const span = { start: lines.start[l]!, end: lines.end[l]! };
    const problem = (message: string) => problems.push({ span, line: l + 1, message });
    if (CLOSE.test(s)) {
      if (open === null) {
        problem(
          'A `<!-- /taskmark -->` marker closes no managed block; remove it or add the opening marker.',
        );
        continue;
      }
      if (open.settings) {
        const contentStart = lines.start[open.line]!;
        blocks.push({
          open: open.span,
          close: span,
          content: { start: contentStart, end: lines.start[l]! },
          openLine: open.line,
          closeLine: l + 1,
          ...open.settings,
        });
      }
      open = null;
      continue;
    }
    const m = OPEN.exec(s);
    if (!m) {
      problem(
        'This taskmark marker is malformed; write `<!-- taskmark:progress by=section format=table -->` … `<!-- /taskmark -->`, each on its own line.',
      );
      continue;
    }
    if (open !== null) {
      problems.push({
        span: open.span,
        line: open.line,
        message: `The managed block opened on line ${open.line} is not closed before another opens on line ${l + 1}; add \`<!-- /taskmark -->\` (blocks do not nest).`,
      });
      open = null;
    }
    const parsed = parseOpen(m[1]!, m[2]!);
    if (typeof parsed === 'string') problem(parsed);
    open = { span, line: l + 1, settings: typeof parsed === 'string' ? null : parsed };
  }
  if (open !== null) {
    problems.push({
      span: open.span,
      line: open.line,
      message: `The managed block opened on line ${open.line} is never closed; add \`<!-- /taskmark -->\` after it.`,
    });
  }
  return { blocks, problems };
}

const ATTR = /\s*([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))/y;

function parseOpen(name: string, attrs: string): Settings | string {
  if (name !== 'progress') {
    return `Unknown managed block "taskmark:${name}"; the one kind is \`taskmark:progress\`.`;
  }
  let by: By | null = null;
  let format: Format = 'table';
  let label: string | null = null;
  const rest = attrs.trim();
  ATTR.lastIndex = 0;
  while (ATTR.lastIndex < rest.length) {
    const at = ATTR.lastIndex;
    const m = ATTR.exec(rest);
    if (!m) {
      return `Cannot read "${rest.slice(at).trim()}" in a taskmark:progress marker; write key=value pairs (by=, format=, label=).`;
    }
    const key = m[1]!;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (key === 'by') {
      if (!(BY as readonly string[]).includes(value))
        return `Unknown by=${value}; use one of ${BY.join(', ')}.`;
      by = value as By;
    } else if (key === 'format') {
      if (!(FORMATS as readonly string[]).includes(value)) {
        return `Unknown format=${value}; use one of ${FORMATS.join(', ')}.`;
      }
      format = value as Format;
    } else if (key === 'label') {
      if (!/^[^<>|*_`\\]{1,60}$/.test(value) || value.trim() !== value) {
        return `label="${value}" cannot be written as a counter's label; use up to 60 plain characters.`;
      }
      label = value;
    } else {
      return `Unknown attribute "${key}" in a taskmark:progress marker; it takes by=, format= and label=.`;
    }
  }
  return { by, format, label };
}
