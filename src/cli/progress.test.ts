import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.js';

/** A stand-in for process.stderr: what the bar writes, and whether it is a terminal. */
function terminal(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressBar', () => {
  it('draws on a terminal for long work and erases itself when done', () => {
    const { stream, written } = terminal(true);
    const bar = progressBar('history TODO.md', stream);
    bar.update(100, 100);
    bar.done();
    expect(written).toEqual([`\rhistory TODO.md ${'█'.repeat(30)} 100/100`, '\r\x1b[K']);
  });

  it('draws nothing when stderr is not a terminal, or for short work', () => {
    const piped = terminal(false);
    const bar = progressBar('x', piped.stream);
    bar.update(100, 100);
    bar.done();
    expect(piped.written).toEqual([]);
    const short = terminal(true);
    const quick = progressBar('x', short.stream);
    quick.update(3, 10);
    quick.done();
    expect(short.written).toEqual([]);
  });
});
