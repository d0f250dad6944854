/** `taskmark add TITLE [--parent KEY | --section TITLE]`: add an item. */
import { addItem } from '../../core/edit/index.js';
import { TmError } from '../../core/errors.js';
import type { Plan, Section } from '../../core/model.js';
import { findItem } from '../../core/ops/find.js';
import { applyChange } from '../change.js';
import { type CommonOptions, loadPlans, todayOf } from '../context.js';
import { color, printJson, println } from '../output.js';
import { statusArg } from '../status-arg.js';

interface AddOptions extends CommonOptions {
  parent?: string;
  section?: string;
  status?: string;
}

function findSection(plans: readonly Plan[], title: string): { plan: Plan; section: Section } {
  const want = title.trim().toLowerCase();
  const hits = plans.flatMap((plan) =>
    plan.sections.filter((s) => s.title.toLowerCase() === want).map((section) => ({ plan, section })),
  );
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0)
    throw new TmError(
      'TM_NOT_FOUND',
      `No section titled "${title}". Section titles are the heading texts shown by \`taskmark status\`.`,
    );
  throw new TmError(
    'TM_AMBIGUOUS',
    `"${title}" names ${hits.length} sections: ${hits.map((h) => `${h.plan.file}:${h.section.line}`).join(', ')}. Name one file.`,
  );
}

/**
 * Where an item goes when neither --parent nor --section says: the one plan named or found, at its
 * top when it has no headings, in its one section when it has one. Anything else is asked for.
 */
function findDefault(plans: readonly Plan[]): { plan: Plan; section?: Section } {
  if (plans.length !== 1)
    throw new TmError(
      'TM_USAGE',
      `Say where the item goes: --parent KEY or --section TITLE, or name one plan file (${plans.length} plans are loaded).`,
    );
  const plan = plans[0]!;
  if (plan.sections.length === 0) return { plan };
  if (plan.sections.length === 1) return { plan, section: plan.sections[0]! };
  const titles = plan.sections.slice(0, 6).map((s) => `"${s.title}"`);
  throw new TmError(
    'TM_USAGE',
    `Say where the item goes in ${plan.file}: --section TITLE (${titles.join(', ')}${plan.sections.length > 6 ? ', …' : ''}) or --parent KEY.`,
  );
}

export async function run([title, ...files]: string[], opts: AddOptions): Promise<number> {
  if (opts.parent !== undefined && opts.section !== undefined) {
    throw new TmError('TM_USAGE', 'Say where the item goes: --parent KEY or --section TITLE (one of them).');
  }
  const status = opts.status === undefined ? 'todo' : statusArg(opts.status);
  const today = todayOf(opts);
  const plans = await loadPlans(files, opts);
  const where =
    opts.parent !== undefined
      ? findItem(plans, opts.parent)
      : opts.section !== undefined
        ? findSection(plans, opts.section)
        : findDefault(plans);
  const { plan } = where;
  const parentKey = 'item' in where ? where.item.key : null;
  const sectionLine = 'section' in where && where.section ? where.section.line : null;
  const sectionTitle = 'section' in where && where.section ? where.section.title : null;
  const change = await applyChange(
    plan,
    [
      (p) => {
        const target =
          parentKey !== null
            ? { parent: p.byKey.get(parentKey)! }
            : sectionTitle === null
              ? { top: true as const }
              : // By line and title: on a newer text (a concurrent edit above it) the heading may have moved.
                {
                  section: (p.sections.find((s) => s.line === sectionLine && s.title === sectionTitle) ??
                    p.sections.find((s) => s.title === sectionTitle))!,
                };
        return addItem(p, target, { title: title!, status, today });
      },
    ],
    opts,
  );
  const known = new Set(change.before.items.map((i) => i.key));
  const added = change.after.items.find((i) => !known.has(i.key)) ?? null;
  if (opts.json)
    printJson({
      file: plan.file,
      key: added?.key ?? null,
      line: added?.line ?? null,
      title,
      status,
      parent: parentKey,
      changed: change.changed,
      dryRun: opts.dryRun === true,
      diff: change.diff,
    });
  else if (!opts.dryRun)
    println(
      `Added ${added ? `${color.cyan(added.key)} ` : ''}"${title}" to ${color.dim(`${plan.file}${added ? `:${added.line}` : ''}`)}`,
    );
  return 0;
}
