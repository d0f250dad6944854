/** Terminal output: colours only on a terminal (NO_COLOR and FORCE_COLOR respected), bars, durations. */
import pc from 'picocolors';
import type { Status } from '../core/model.js';

/**
 * Colours on a terminal; never when NO_COLOR is set (no-color.org: any non-empty value); forced
 * with FORCE_COLOR (except FORCE_COLOR=0 or false, which turns them off).
 */
function useColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY && env.TERM !== 'dumb';
}
export const color = pc.createColors(useColor(process.env, process.stdout.isTTY === true));

/** A progress bar like `████████░░ 80%`. */
export function bar(done: number, total: number, width = 20): string {
  const ratio = total === 0 ? 0 : done / total;
  const full = Math.round(ratio * width);
  const pct = `${Math.round(ratio * 100)}%`.padStart(4);
  return `${color.green('█'.repeat(full))}${color.dim('░'.repeat(width - full))} ${pct}`;
}

const STATUS_MARK: Record<Status, string> = {
  todo: '[ ]',
  doing: '[/]',
  blocked: '[!]',
  done: '[x]',
  cancelled: '[-]',
};

/** A compact, coloured status mark. */
export function statusMark(status: Status): string {
  const m = STATUS_MARK[status];
  if (status === 'done') return color.green(m);
  if (status === 'doing') return color.cyan(m);
  if (status === 'blocked') return color.red(m);
  if (status === 'cancelled') return color.dim(m);
  return m;
}

/** Minutes as `2d 4h` (8-hour days) or `45m`. */
export function duration(minutes: number, hoursPerDay = 8): string {
  if (minutes === 0) return '0h';
  const day = hoursPerDay * 60;
  const d = Math.floor(minutes / day);
  const h = Math.floor((minutes % day) / 60);
  const m = Math.round(minutes % 60);
  return [d ? `${d}d` : '', h ? `${h}h` : '', m && !d ? `${m}m` : ''].filter(Boolean).join(' ') || '0h';
}

// Output is gathered and written in large chunks: one write per line is slow for long item lists.
let pending = '';
const CHUNK = 1 << 16;

/** Queues text for stdout. */
export function print(s: string): void {
  pending += s;
  if (pending.length >= CHUNK) flushOutput();
}

export function println(s = ''): void {
  print(`${s}\n`);
}

/** Writes one JSON document to stdout. */
export function printJson(value: unknown): void {
  print(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes what is queued; called when a command ends, and before an error goes to stderr. */
export function flushOutput(): void {
  if (pending === '') return;
  process.stdout.write(pending);
  pending = '';
}
