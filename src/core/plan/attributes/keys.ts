/**
 * The keys plans write fields with, in the languages plans are written in, normalised to taskmark's
 * attribute names; the keys that name a record or make a heading an item; values that mean not set.
 */

/** Attribute keys in the languages plans are written in, as [key, attribute]. */
export const FOREIGN_KEYS: readonly (readonly [string, string])[] = (
  [
    ['status', 'estado estatus statut stato zustand статус состояние 状态 狀態 状態 ステータス 状況 상태'],
    [
      'owner',
      'responsável responsable verantwortlich zuständig responsabile ответственный исполнитель 负责人 負責人 担当 担当者 담당자',
    ],
    [
      'priority',
      'prioridade prioridad priorité priorität priorità prioritas приоритет 优先级 優先度 우선순위',
    ],
    [
      'due',
      'prazo vencimento vencimiento échéance fälligkeit fällig fälligkeitsdatum stichtag frist scadenza tenggat срок 截止日期 截止时间 截止 到期日 期限 締切 締め切り 마감일 기한',
    ],
    [
      'effort',
      'esfuerzo estimación aufwand schätzung sforzo stima esforço estimativa оценка 工作量 预计 预估 估时 工时 見積 見積もり 工数 공수 예상',
    ],
  ] as const
).flatMap(([key, words]) => words.split(' ').map((w) => [w, key] as const));

/** Plan keys (lower case) mapped to taskmark's attribute names; other keys are kept as written. */
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['status', 'status'],
  ['state', 'status'],
  ['priority', 'priority'],
  ['prio', 'priority'],
  ['pri', 'priority'],
  ['owner', 'owner'],
  ['assignee', 'owner'],
  ['assigned to', 'owner'],
  ['assigned', 'owner'],
  // Notion's task template names its people column so.
  ['assign', 'owner'],
  ['responsible', 'owner'],
  ['dri', 'owner'],
  ['who', 'owner'],
  ['lead', 'owner'],
  ['owners', 'owner'],
  ['assignees', 'owner'],
  ['due', 'due'],
  ['due date', 'due'],
  ['deadline', 'due'],
  ['target date', 'due'],
  ['due by', 'due'],
  ['due on', 'due'],
  ['eta', 'due'],
  ['📅', 'due'],
  ['🗓', 'due'],
  ['scheduled', 'scheduled'],
  ['⏳', 'scheduled'],
  ['start', 'start'],
  ['start date', 'start'],
  // When a schedule's work ends, and the days it spans: its due date (see applyField).
  ['end date', 'end'],
  ['ends', 'end'],
  ['finish', 'end'],
  ['finish date', 'end'],
  ['date range', 'dates'],
  ['timeline', 'dates'],
  // The period a roadmap plans its work in (`| Quarter |` over `Q1 2027`, `Q2`): a target, due by its end.
  ['quarter', 'target'],
  ['month', 'target'],
  ['timeframe', 'target'],
  ['time frame', 'target'],
  ['🛫', 'start'],
  ['➕', 'created'],
  ['created', 'created'],
  ['✅', 'done'],
  // A tick before a date says when it was done, as Obsidian's ✅ does (`✔ 2026-11-30`).
  ['✔', 'done'],
  ['✓', 'done'],
  ['☑', 'done'],
  ['done', 'done'],
  ['completed', 'done'],
  ['❌', 'cancelled'],
  ['🔁', 'recurrence'],
  ['🆔', 'id'],
  ['id', 'id'],
  ['⛔', 'depends'],
  ['effort', 'effort'],
  ['estimate', 'effort'],
  ['estimated effort', 'effort'],
  ['estimated', 'effort'],
  ['est', 'effort'],
  ['estimated time', 'effort'],
  ['time estimate', 'effort'],
  ['duration', 'effort'],
  ['time', 'effort'],
  ['category', 'category'],
  ['type', 'category'],
  ['area', 'category'],
  ['component', 'category'],
  ['depends on', 'depends'],
  ['depends', 'depends'],
  ['dependencies', 'depends'],
  ['dependson', 'depends'],
  ['blocked by', 'depends'],
  ['requires', 'depends'],
  ['prerequisites', 'depends'],
  ['dep', 'depends'],
  ['after', 'depends'],
  ['tags', 'tags'],
  ['labels', 'tags'],
  ['tag', 'tags'],
  ['story points', 'points'],
  ['points', 'points'],
  ['pts', 'points'],
  ['sp', 'points'],
  // A T-shirt size (`(size: M)`), the estimate of a roadmap that sizes its work rather than timing it.
  ['size', 'size'],
  ['t-shirt size', 'size'],
  ['t-shirt', 'size'],
  ['tshirt', 'size'],
  ['phase', 'phase'],
  ['sprint', 'phase'],
  ['milestone', 'phase'],
  // The same keys in the languages plans are written in (their status words are in status.ts).
  ...FOREIGN_KEYS,
  // Keys of more than one word.
  ['fecha límite', 'due'],
  ['fecha de entrega', 'due'],
  ['date limite', 'due'],
  ["date d'échéance", 'due'],
  ['data di scadenza', 'due'],
  ['data limite', 'due'],
  ['prazo final', 'due'],
  ['data de entrega', 'due'],
]);

/** Keys that name the item a record is (`**Task:** Rotate the keys`), as normaliseKey gives them. */
export const RECORD_NAME_KEYS: ReadonlySet<string> = new Set([
  'task',
  'title',
  'item',
  'work item',
  'action',
  'action item',
  'story',
  'user story',
  'feature',
  'epic',
  'issue',
  'bug',
  'ticket',
  'todo',
  'deliverable',
  'milestone',
  'goal',
  'objective',
  'aufgabe',
  'tarea',
  'tâche',
  'tache',
  '任务',
]);

/**
 * The keys besides due whose value, when it is a date and no due date is stated, is the item's due
 * date: a roadmap's target, the end of a schedule's work, the days it spans. The editor sets a new due
 * date where the one read stands.
 */
export const DUE_LIKE_KEYS: ReadonlySet<string> = new Set(['target', 'end', 'dates']);

/** Keys that make a heading an item when they appear under it. */
export const ITEM_KEYS: ReadonlySet<string> = new Set(['status', 'priority', 'owner', 'due']);

/**
 * Keys already normalised, by the key as written: plans repeat a handful of keys (`Status`, `Due`,
 * `#`, `@`) on every item. Bounded, so a plan of a million distinct keys cannot grow it without end.
 */
const normalisedKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 4096;

/** Normalises a field key as written to taskmark's attribute name. */
export function normaliseKey(raw: string): string {
  const cached = normalisedKeys.get(raw);
  if (cached !== undefined) return cached;
  // A key's closing dot is an abbreviation's (`Est.`, `Resp.`), not the key's.
  const k = raw
    .replace(/[*_`]/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(?<=\p{L})\.$/u, '')
    .toLowerCase();
  const key = KEY_ALIASES.get(k) ?? k;
  if (normalisedKeys.size >= MAX_CACHED_KEYS) normalisedKeys.clear();
  normalisedKeys.set(raw, key);
  return key;
}

/** taskmark's attribute names, which KEY_ALIASES maps the keys plans write to. */
const ATTRIBUTE_NAMES: ReadonlySet<string> = new Set(KEY_ALIASES.values());

/** Whether a key as written names one of taskmark's attributes, in any spelling (`Owner`, `ETA`, `Estado`). */
export function isAttributeKey(raw: string): boolean {
  return ATTRIBUTE_NAMES.has(normaliseKey(raw));
}

/** Values that mean "nobody" or "not set". */
export function isPlaceholder(value: string): boolean {
  return /^(?:tbd|tba|n\/a|na|none|-|—|unassigned|nobody|\?|todo)$/i.test(value.replace(/[*_`]/g, '').trim());
}
