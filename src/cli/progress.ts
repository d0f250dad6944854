/** A progress bar on stderr for long operations: drawn only on a terminal, so pipes and logs stay clean. */

/** Work shorter than this many steps finishes before a bar would help. */
const MIN_STEPS = 50;
/** Redraw at most this often. */
const FRAME_MS = 80;
const WIDTH = 30;

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Erases the bar. */
  done(): void;
}

/** A bar labelled `label`; does nothing when stderr is not a terminal. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total < MIN_STEPS || (now - last < FRAME_MS && done < total)) return;
      last = now;
      const full = Math.round((done / total) * WIDTH);
      stream.write(`\r${label} ${'█'.repeat(full)}${'░'.repeat(WIDTH - full)} ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
