/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): findings show as annotations
 * on the pull request. Values are escaped as the runner expects, so a message cannot end the command
 * early or start a new one.
 */
import type { Finding, Severity } from '../types.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function toGithub(findings: readonly Finding[]): string {
  return findings
    .map(
      (f) =>
        `::${COMMAND[f.severity]} file=${escapeProperty(f.file)},line=${f.line},endLine=${f.endLine},col=${f.column},title=${escapeProperty(`taskmark ${f.rule}`)}::${escapeData(f.message)}\n`,
    )
    .join('');
}
