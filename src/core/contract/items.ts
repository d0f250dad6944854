/**
 * Output shapes of the item operations: the `--json` output of the CLI, and later the HTTP and MCP
 * responses. One zod schema per shape gives the TypeScript type and the validator.
 */
import { z } from 'zod';
import { STATUSES } from '../model.js';

const statusSchema = z.enum(STATUSES);

const prioritySchema = z.object({
  rank: z.number().int().min(0).max(4).describe('0 = critical/highest … 4 = lowest'),
  label: z.string().describe("the plan's own label: P0, Must Have, 🔴, ⏫, [#A], High"),
});

export const itemJsonSchema = z.object({
  key: z.string().describe('stable key: the explicit ID, or a slug of the scope and title'),
  id: z.string().nullable().describe('explicit ID given by the plan'),
  refersTo: z.string().nullable().describe('key of the item this line restates (a phase checklist line)'),
  title: z.string(),
  status: statusSchema,
  statusSource: z.string(),
  checkbox: z.string().nullable().describe('the checkbox mark, or null for non-checkbox items'),
  kind: z.enum(['checkbox', 'heading', 'status-bullet', 'file', 'table-row']),
  optional: z.boolean(),
  file: z.string(),
  line: z.number().int().positive(),
  depth: z.number().int().min(0),
  parent: z.string().nullable(),
  children: z.array(z.string()),
  section: z.array(z.string()),
  priority: prioritySchema.nullable(),
  owner: z.string().nullable().describe('the first of owners'),
  owners: z.array(z.string()).describe('everyone the item names as its owner, owner first'),
  due: z.string().nullable().describe('YYYY-MM-DD'),
  dueText: z.string().nullable(),
  effortMinutes: z.number().nullable(),
  effortMaxMinutes: z.number().nullable(),
  effortText: z.string().nullable(),
  category: z.string().nullable(),
  phase: z.string().nullable(),
  tags: z.array(z.string()),
  dependsOn: z.array(z.string()),
  unresolvedDeps: z.array(z.string()),
  progress: z.object({ done: z.number(), total: z.number() }),
});
export type ItemJson = z.infer<typeof itemJsonSchema>;

const countsSchema = z.object({
  total: z.number(),
  todo: z.number(),
  doing: z.number(),
  blocked: z.number(),
  done: z.number(),
  cancelled: z.number(),
  percent: z.number().describe('done and cancelled leaves over all leaves, 0–100'),
});
export type StatusCounts = z.infer<typeof countsSchema>;

export const planStatusSchema = z.object({
  file: z.string(),
  title: z.string().nullable(),
  date: z.string().nullable(),
  items: z.number(),
  byStatus: countsSchema.describe('leaf items (items without children) by status'),
  bySection: z.array(z.object({ section: z.string(), line: z.number(), counts: countsSchema })),
  byPriority: z.array(z.object({ rank: z.number().nullable(), label: z.string(), counts: countsSchema })),
  effort: z.object({ doneMinutes: z.number(), remainingMinutes: z.number() }),
  overdue: z.array(
    z.object({ key: z.string(), title: z.string(), due: z.string(), daysOverdue: z.number() }),
  ),
  dueSoon: z.array(z.object({ key: z.string(), title: z.string(), due: z.string(), daysLeft: z.number() })),
  encodingAnomalies: z.number(),
});
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const nextEntrySchema = z.object({
  rank: z.number().int().positive(),
  score: z.number(),
  item: itemJsonSchema,
  reasons: z.array(z.object({ factor: z.string(), points: z.number(), detail: z.string() })),
});
export type NextEntry = z.infer<typeof nextEntrySchema>;

export const showResultSchema = z.object({
  item: itemJsonSchema,
  children: z.array(itemJsonSchema),
  fields: z.array(z.object({ key: z.string(), rawKey: z.string(), value: z.string(), line: z.number() })),
  rollup: z.object({
    done: z.number(),
    total: z.number(),
    effortDoneMinutes: z.number(),
    effortRemainingMinutes: z.number(),
  }),
  span: z.object({ startLine: z.number(), endLine: z.number() }),
  source: z.string().describe('the item’s lines as written in the plan'),
});
export type ShowResult = z.infer<typeof showResultSchema>;
