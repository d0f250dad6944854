/**
 * SARIF 2.1.0 (OASIS): the format code-scanning tools read. Findings become results with their
 * rule, level, region and, for fixable ones, the replacements that fix them. Offsets are UTF-16
 * code units, which SARIF calls `utf16CodeUnits` columns.
 */
import type { Finding, Rule, Severity } from '../types.js';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export interface SarifOptions {
  readonly toolVersion: string;
  /** Maps a finding's file to the URI written in the log (a relative path with forward slashes). */
  readonly uriOf?: (file: string) => string;
}

/** A file path as a relative URI reference: forward slashes, reserved characters percent-encoded. */
export function fileUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export function toSarif(findings: readonly Finding[], rules: readonly Rule[], options: SarifOptions) {
  const uriOf = options.uriOf ?? fileUri;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'taskmark',
            version: options.toolVersion,
            informationUri: 'https://www.npmjs.com/package/taskmark',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits' as const,
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule)! } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(f.file) },
                region: {
                  startLine: f.line,
                  startColumn: f.column,
                  endLine: f.endLine,
                  charOffset: f.span.start,
                  charLength: f.span.end - f.span.start,
                },
              },
            },
          ],
          ...(f.fix
            ? {
                fixes: [
                  {
                    description: { text: f.fix.description },
                    artifactChanges: [
                      {
                        artifactLocation: { uri: uriOf(f.file) },
                        replacements: f.fix.edits.map((e) => ({
                          deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                          insertedContent: { text: e.text },
                        })),
                      },
                    ],
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
