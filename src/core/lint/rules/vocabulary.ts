/** Status words: ones taskmark could not map to a status, and usage the plan's own legend does not list. */
import type { Plan } from '../../model.js';
import { normaliseVocab } from '../../plan/attributes/status.js';
import { learnVocabulary } from '../../plan/passes/facts.js';
import { isLegendTitle } from '../../plan/recognise.js';
import type { Rule } from '../types.js';
import { describe } from '../util.js';

export const unmappedStatus: Rule = {
  id: 'unmapped-status',
  severity: 'warning',
  description:
    'A status the plan writes that taskmark cannot map to todo, doing, blocked, done or cancelled.',
  *check(plan) {
    for (const item of plan.items) {
      if (item.kind === 'checkbox' || item.statusSource === 'field') continue;
      const field = item.fields.find((f) => f.key === 'status' && f.value.trim() !== '');
      if (!field) continue;
      yield {
        span: field.valueSpan,
        message: `The status "${field.value.trim()}" of ${describe(item)} is not a status taskmark understands; it is read as ${item.status}. Add it to the plan's legend or use a word like TODO, IN PROGRESS, BLOCKED or DONE.`,
      };
    }
  },
};

export const legendMismatch: Rule = {
  id: 'legend-mismatch',
  severity: 'info',
  description: 'The plan has a status legend, and an item uses a status the legend does not list.',
  *check(plan) {
    const legend = legendOf(plan);
    if (legend.length === 0) return;
    const known = legend.map((e) => normaliseVocab(e.text)).filter((t) => t.length > 0);
    const reported = new Set<string>();
    for (const item of plan.items) {
      if (item.statusSource !== 'field' && item.statusSource !== 'marker' && item.statusSource !== 'heading')
        continue;
      const text = item.statusText;
      if (!text || text === '~~') continue;
      const norm = normaliseVocab(text);
      if (known.some((k) => norm === k || norm.startsWith(`${k} `) || norm.includes(k))) continue;
      if (reported.has(norm)) continue;
      reported.add(norm);
      yield {
        span: item.statusSpan ?? item.lineSpan,
        message: `${describe(item)} uses the status "${text}", which the plan's legend does not list (it lists ${legend
          .filter((e) => /\s/.test(e.text))
          .map((e) => `"${e.text}"`)
          .slice(0, 6)
          .join(', ')}).`,
      };
    }
  },
};

function legendOf(plan: Plan) {
  const lines: string[] = [];
  for (const s of plan.sections) {
    if (!isLegendTitle(s.title)) continue;
    const from = s.line; // the line after the heading, 0-based
    for (let l = from; l < plan.lines.count && plan.lines.start[l]! < s.span.end; l++)
      lines.push(plan.text.slice(plan.lines.start[l], plan.lines.end[l]));
  }
  return learnVocabulary(lines, []);
}
