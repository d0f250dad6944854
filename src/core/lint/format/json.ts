/** `lint --format json`: one array of findings, each with its place, rule, severity, message and fix. */
import { z } from 'zod';
import type { Finding } from '../types.js';
import { SEVERITIES } from '../types.js';

export const findingJsonSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  endLine: z.number().int().min(1),
  column: z.number().int().min(1),
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  /** The fix `taskmark fix` would apply, or null. */
  fix: z
    .object({
      description: z.string(),
      edits: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })),
    })
    .nullable(),
});

export type FindingJson = z.infer<typeof findingJsonSchema>;

export function toJson(findings: readonly Finding[]): FindingJson[] {
  return findings.map((f) => ({
    file: f.file,
    line: f.line,
    endLine: f.endLine,
    column: f.column,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    fix: f.fix ? { description: f.fix.description, edits: f.fix.edits.map((e) => ({ ...e })) } : null,
  }));
}
