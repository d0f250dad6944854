/** The output of `taskmark history --json` (and later the history endpoint and tool). */
import { z } from 'zod';

export const historyPointSchema = z.object({
  commit: z.string().describe('the commit that changed the plan'),
  date: z.string().describe('committer date, ISO 8601'),
  author: z.string(),
  subject: z.string().describe("the commit message's first line"),
  path: z.string().describe("the plan's path at this commit, relative to the repository root"),
  blob: z.string().nullable().describe("git's id of the plan's text, or null when the commit deleted it"),
  state: z.enum(['present', 'deleted', 'unreadable']),
  error: z.string().nullable().describe('why an unreadable version could not be read'),
  total: z.number().int().min(0).describe('leaf items, as `status` counts them'),
  done: z.number().int().min(0),
  cancelled: z.number().int().min(0),
  doing: z.number().int().min(0),
  blocked: z.number().int().min(0),
  todo: z.number().int().min(0),
  percent: z.number().min(0).max(100).describe('closed (done or cancelled) items as a share of all'),
  closedDelta: z.number().int().describe('closed items gained since the previous point'),
  effortDoneMinutes: z.number().min(0),
  effortRemainingMinutes: z.number().min(0),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

export const planHistorySchema = z.object({
  file: z.string().describe('the plan as named on the command line or found in the workspace'),
  path: z.string().describe("the plan's current path relative to the repository root"),
  commits: z.number().int().min(0),
  versions: z.number().int().min(0).describe('distinct texts parsed (each once)'),
  points: z.array(historyPointSchema).describe('oldest first'),
  recorded: z
    .object({
      revisions: z.number().int().min(0),
      events: z.number().int().min(0),
      skipped: z.string().nullable().describe('why nothing was recorded, when nothing was'),
    })
    .nullable()
    .describe('what was recorded into the workspace database; null when recording was off'),
});
export type PlanHistory = z.infer<typeof planHistorySchema>;

export const historyResultSchema = z.array(planHistorySchema);
