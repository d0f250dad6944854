/** docs/cli.md, rendered from the option table (run `npm run docs:cli` after changing options.ts). */
import { EXIT_CODES } from './exit.js';
import { COMMANDS } from './options.js';

export function renderCliDoc(): string {
  const out: string[] = [
    '# taskmark CLI reference',
    '',
    '<!-- Generated from src/cli/options.ts by `npm run docs:cli`; do not edit by hand. -->',
    '',
    '`taskmark <command> [arguments] [files or globs] [options]`',
    '',
    'With no files, a command reads the plans under the current directory: files whose names contain',
    'TODO, ROADMAP, PLAN, TASKS, BACKLOG or CHECKLIST as a word (any case, any text extension), skipping',
    '`.gitignore`d paths, `node_modules`, `.git`, `dist`, `coverage` and `.taskmark`, and never following a',
    'symbolic link out of the folder; a found file that is not UTF-8 text is skipped with a warning on stderr.',
    'Files may be paths, directories (their plan files and every markdown',
    'file in them) or quoted globs of any extension; each file is read once however often it is named.',
    "A KEY is an item's key or its explicit ID (`MH-001`, `Task 1.1`).",
    '',
    '| command | does |',
    '| --- | --- |',
    ...COMMANDS.map((c) => `| [\`${c.name}\`](#${c.name}) | ${c.summary} |`),
    '',
    '## Exit codes',
    '',
    '| code | meaning |',
    '| --- | --- |',
    ...EXIT_CODES.map(([code, meaning]) => `| ${code} | ${meaning} |`),
  ];
  for (const c of COMMANDS) {
    out.push(
      '',
      `## ${c.name}`,
      '',
      `\`taskmark ${c.name} ${c.args}\``,
      '',
      `${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.`,
      '',
    );
    out.push('| option | description |', '| --- | --- |');
    for (const o of c.options) out.push(`| \`${o.flags}\` | ${o.description} |`);
    out.push('', 'Examples:', '', '```sh', ...c.examples, '```');
  }
  return `${out.join('\n')}\n`;
}
