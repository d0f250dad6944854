/** `taskmark show KEY`: one item with its children, fields, roll-up and source. */
import { findItem } from '../../core/ops/find.js';
import { showItem } from '../../core/ops/show.js';
import { type CommonOptions, loadPlans } from '../context.js';
import { bar, color, printJson, println, statusMark } from '../output.js';

export async function run([key, ...files]: string[], opts: CommonOptions): Promise<number> {
  const plans = await loadPlans(files, opts);
  const { plan, item } = findItem(plans, key!);
  const shown = showItem(plan, item);
  if (opts.json) {
    printJson(shown);
    return 0;
  }
  const i = shown.item;
  println(
    `${statusMark(i.status)} ${color.bold(i.title)}  ${color.cyan(i.key)}  ${color.dim(`${i.file}:${shown.span.startLine}-${shown.span.endLine}`)}`,
  );
  // The status as the plan words it, when it says more than the status (`blocked on infra`).
  // A share of the work done is the status where nothing else says one (`doing (60%)`).
  const stated =
    shown.fields.find((f) => f.key === (i.statusSource === 'progress' ? 'progress' : 'status'))?.value ??
    null;
  const facts: [string, string | null][] = [
    ['status', stated !== null && stated.toLowerCase() !== i.status ? `${i.status} (${stated})` : null],
    ['section', i.section.join(' › ') || null],
    ['priority', i.priority?.label ?? null],
    [i.owners.length > 1 ? 'owners' : 'owner', i.owners.join(', ') || null],
    ['due', i.due ? `${i.due}${i.dueText && i.dueText !== i.due ? ` (${i.dueText})` : ''}` : i.dueText],
    ['effort', i.effortText],
    ['category', i.category],
    ['phase', i.phase],
    ['tags', i.tags.join(', ') || null],
    [
      'depends on',
      // What names no item is shown too: `taskmark next` holds the item back for it.
      [...i.dependsOn, ...i.unresolvedDeps.map((d) => `${d} ${color.dim('(no item of this plan)')}`)].join(
        ', ',
      ) || null,
    ],
  ];
  for (const [k, v] of facts) if (v) println(`  ${color.dim(k.padEnd(11))} ${v}`);
  // Fields the plan states that are none of the above (`3 pts`, `— 80%`, `Reviewer: Bo`), once a key.
  const told = new Set([
    'status',
    'priority',
    'owner',
    'due',
    'effort',
    'category',
    'phase',
    'tags',
    'depends',
    // The share is said as the status already.
    ...(i.statusSource === 'progress' ? ['progress'] : []),
  ]);
  for (const f of shown.fields) {
    if (told.has(f.key) || f.rawKey === '@' || f.rawKey === '#' || f.rawKey === '+' || f.value.trim() === '')
      continue;
    told.add(f.key);
    // A share said done is a claim: the roll-up below is counted.
    const label = f.key === 'progress' ? 'stated' : f.key;
    const value = f.value.trim();
    println(`  ${color.dim(label.padEnd(11))} ${value.length > 100 ? `${value.slice(0, 99)}…` : value}`);
  }
  if (shown.rollup.total > 1)
    println(
      `  ${color.dim('progress'.padEnd(11))} ${bar(shown.rollup.done, shown.rollup.total, 16)} ${shown.rollup.done}/${shown.rollup.total}`,
    );
  for (const c of shown.children) println(`    ${statusMark(c.status)} ${c.title} ${color.dim(c.key)}`);
  return 0;
}
