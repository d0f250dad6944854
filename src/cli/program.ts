/** Builds the commander program from the option table and maps errors to exit codes once. */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { TmError } from '../core/errors.js';
import { EXIT_CODE_OF, EXIT_CODES, USAGE_EXIT_CODE } from './exit.js';
import { COMMANDS, type CommandSpec } from './options.js';
import { flushOutput } from './output.js';
import type { Surfaces } from './surfaces.js';

type Runner = (args: string[], opts: Record<string, unknown>, surfaces?: Surfaces) => Promise<number>;

/** Each command's module, loaded only when that command runs. */
const COMMAND_MODULES: Record<string, () => Promise<{ run: Runner }>> = {
  items: () => import('./commands/items.js') as Promise<{ run: Runner }>,
  status: () => import('./commands/status.js') as Promise<{ run: Runner }>,
  show: () => import('./commands/show.js') as Promise<{ run: Runner }>,
  next: () => import('./commands/next.js') as Promise<{ run: Runner }>,
  set: () => import('./commands/set.js') as Promise<{ run: Runner }>,
  add: () => import('./commands/add.js') as Promise<{ run: Runner }>,
  edit: () => import('./commands/edit.js') as Promise<{ run: Runner }>,
  rm: () => import('./commands/rm.js') as Promise<{ run: Runner }>,
  init: () => import('./commands/init.js') as Promise<{ run: Runner }>,
  import: () => import('./commands/import.js') as Promise<{ run: Runner }>,
  search: () => import('./commands/search.js') as Promise<{ run: Runner }>,
  backup: () => import('./commands/backup.js') as Promise<{ run: Runner }>,
  restore: () => import('./commands/restore.js') as Promise<{ run: Runner }>,
  history: () => import('./commands/history.js') as Promise<{ run: Runner }>,
  sync: () => import('./commands/sync.js') as Promise<{ run: Runner }>,
  lint: () => import('./commands/lint.js') as Promise<{ run: Runner }>,
  fix: () => import('./commands/fix.js') as Promise<{ run: Runner }>,
  serve: () => import('./commands/serve.js') as Promise<{ run: Runner }>,
};

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The commander program. When the command line starts with a command's name, only that command is
 * declared: it is the only one commander can run or describe then, and declaring all of them costs
 * more than the rest of a short command's start-up. Otherwise (`taskmark --help`, a mistyped
 * command) all are, for the overview and the suggestions.
 */
function buildProgram(
  onExit: (code: number) => void,
  surfaces: Surfaces | undefined,
  first?: string,
): Command {
  const program = new Command('taskmark')
    .description('A task tracker for engineering plans written in markdown.')
    .version(packageJson.version)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `\nExit codes:\n${EXIT_CODES.map(([c, d]) => `  ${c}  ${d}`).join('\n')}\n`)
    .exitOverride();
  const named = COMMANDS.find((c) => c.name === first);
  for (const spec of named ? [named] : COMMANDS) addCommand(program, spec, onExit, surfaces);
  return program;
}

function addCommand(
  program: Command,
  spec: CommandSpec,
  onExit: (code: number) => void,
  surfaces: Surfaces | undefined,
): void {
  const cmd = program.command(`${spec.name} ${spec.args}`).description(spec.summary).exitOverride();
  for (const o of spec.options) {
    const opt = new Option(o.flags, o.description);
    if (o.repeatable) opt.argParser(collect);
    cmd.addOption(opt);
  }
  cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  cmd.action(async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const args = command.args;
    const load = COMMAND_MODULES[spec.name];
    if (!load) throw new TmError('TM_USAGE', `taskmark has no module for the command "${spec.name}".`);
    const mod = await load();
    onExit(await mod.run(args, command.opts(), surfaces));
  });
}

/** Runs the CLI; returns the exit code. `surfaces` are the servers the composition root wires in. */
export async function runCli(argv: readonly string[], surfaces?: Surfaces): Promise<number> {
  let code = 0;
  const program = buildProgram(
    (c) => {
      code = c;
    },
    surfaces,
    argv[0],
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    if (e instanceof TmError) {
      flushOutput();
      process.stderr.write(`taskmark: ${e.message}\n`);
      return EXIT_CODE_OF[e.code];
    }
    throw e;
  } finally {
    flushOutput();
  }
}
