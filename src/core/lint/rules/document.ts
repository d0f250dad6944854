/** A document that says it is incomplete or was cut off, or that ends inside a code block. */
import type { Rule } from '../types.js';

/** Sentences in which the document speaks of itself. */
const SENTENCES: readonly RegExp[] = [
  /\b(?:this|the) (?:document|plan|file|list|todo|roadmap)(?: itself)? is (?:still )?(?:incomplete|unfinished|truncated|partial|not complete|cut off)\b/i,
  /\b(?:output|content|text|document|response|list|file) (?:was |has been |is )?(?:truncated|cut off)\b/i,
  /\b(?:remaining|rest of the|other) (?:sections?|items?|tasks?|content|phases?|document|plan)(?: (?:are|is|were|was|have been|has been))? (?:omitted|truncated|not shown|elided|left out)\b/i,
];

/** Markers left where content was cut: unambiguous even as a list item (`- … and 20 more`). */
const MARKERS: readonly RegExp[] = [
  /^\s*[[(]?\s*(?:\.\.\.|…)\s*(?:\(?\s*(?:truncated|omitted|continued|and \d+ more[^)]*|more (?:items|tasks) (?:omitted|not shown))\s*\)?)\s*[\])]?\s*$/i,
  /^\s*[[(]?(?:to be continued|continued (?:below|in part \d+|in the next (?:part|message))|\[truncated\]|\(truncated\))[\])]?\s*\.?\s*$/i,
];

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const NOT_PROSE = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|\|)/;

export const documentIncomplete: Rule = {
  id: 'document-incomplete',
  severity: 'warning',
  description: 'The document says it is incomplete or truncated, or ends inside an unclosed code block.',
  *check(plan) {
    const text = plan.text;
    let fence: { char: string; len: number; line: number } | null = null;
    for (let i = 0; i < plan.lines.count; i++) {
      const start = plan.lines.start[i]!;
      const end = plan.lines.end[i]!;
      const line = text.slice(start, end);
      const f = FENCE_RE.exec(line);
      if (f) {
        const run = f[1]!;
        if (fence === null) {
          if (!(run[0] === '`' && f[2]!.includes('`'))) fence = { char: run[0]!, len: run.length, line: i };
        } else if (run[0] === fence.char && run.length >= fence.len && f[2]!.trim() === '') {
          fence = null;
        }
        continue;
      }
      // A list item, heading or table row is a task or a title that may speak of truncation
      // ("Detect when the log file is truncated"), not the document speaking of itself.
      if (fence !== null || line.length > 400) continue;
      const bare = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
      if (
        MARKERS.some((re) => re.test(bare)) ||
        (!NOT_PROSE.test(line) && SENTENCES.some((re) => re.test(line)))
      ) {
        yield {
          span: { start, end },
          message: `The plan says it is incomplete here: "${line.trim().slice(0, 80)}"; items after this point may be missing.`,
        };
      }
    }
    if (fence !== null) {
      const start = plan.lines.start[fence.line]!;
      yield {
        span: { start, end: plan.lines.end[fence.line]! },
        message: `The code block opened on line ${fence.line + 1} is never closed: the document may have been cut off, and everything after line ${fence.line + 1} is read as code.`,
      };
    }
  },
};
