/** Composition root: argv in, exit code out. Only the chosen command's modules are loaded. */
import { INTERNAL_EXIT_CODE } from './cli/exit.js';

export async function main(argv: readonly string[]): Promise<void> {
  // `taskmark items | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const { runCli } = await import('./cli/program.js');
  try {
    process.exitCode = await runCli(argv, {
      serve: async (request) => (await import('./serve.js')).serve(request),
    });
  } catch (e) {
    process.stderr.write(`taskmark: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = INTERNAL_EXIT_CODE;
  }
}
