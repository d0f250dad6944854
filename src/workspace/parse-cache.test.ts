import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DefaultSerializer } from 'node:v8';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generatePlan } from '../../test/support/generate-plan.js';
import type { Plan } from '../core/model.js';
import { parsePlan } from '../core/plan/parse.js';
import { type CacheKey, defaultCacheDir, ParseCache } from './parse-cache.js';

const FIXTURES = resolve(import.meta.dirname, '../core/plan/fixtures');
const SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');
const hasSeeds = existsSync(SEEDS);
if (!hasSeeds) console.warn(`skipping the parse cache round trip on the seeds: ${SEEDS} not found`);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskmark-cache-test-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const key = (path = '/plans/TODO.md', hoursPerDay = 8): CacheKey => ({ path, hoursPerDay });
const parse = (text: string, file = 'TODO.md', hoursPerDay = 8): Plan =>
  parsePlan(text, { file, hoursPerDay, parseYaml });
const entries = () => readdirSync(dir).filter((n) => n.endsWith('.bin'));

/** Saves the parse of `text`, reads it back through a second cache object, and compares the two. */
function roundTrip(text: string, file = 'TODO.md'): void {
  const plan = parse(text, file);
  new ParseCache(dir, 'build-1').save(key(`/abs/${file}`), plan);
  const back = new ParseCache(dir, 'build-1').load(key(`/abs/${file}`), text, file);
  expect(back).not.toBeNull();
  expect(back).toStrictEqual(plan);
  // Shared references survive: the items in byKey are the items of the list, not copies.
  for (const item of back!.items) expect(back!.byKey.get(item.key)).toBe(item);
}

describe('parse cache: a model read back equals the model parsed', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.md')))('fixture %s', (name) => {
    roundTrip(readFileSync(join(FIXTURES, name), 'utf8'), name);
  });

  it.skipIf(!hasSeeds)('every seed plan', () => {
    for (const name of readdirSync(SEEDS).filter((f) => !f.startsWith('.'))) {
      roundTrip(readFileSync(join(SEEDS, name), 'utf8'), name);
    }
  });

  it('generated plans of any size and mix (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (seed, size) => {
          roundTrip(generatePlan(size, seed));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('CRLF, a BOM, damaged encoding and an empty plan', () => {
    roundTrip('\uFEFF# Plan\r\n\r\n- [x] done\r\n- [ ] âœ… damaged\r\n');
    roundTrip('');
  });

  it('keeps the path the caller named, whatever the entry was written for', () => {
    const text = '- [ ] one\n';
    const cache = new ParseCache(dir, 'b');
    cache.save(key('/abs/TODO.md'), parse(text, 'TODO.md'));
    expect(cache.load(key('/abs/TODO.md'), text, './TODO.md')?.file).toBe('./TODO.md');
  });
});

describe('parse cache: an entry is used only for the same text, path, options and build', () => {
  const text = '# Plan\n\n- [ ] one\n- [x] two\n';
  let cache: ParseCache;
  beforeEach(() => {
    cache = new ParseCache(dir, 'build-1');
    cache.save(key(), parse(text));
  });

  it('hits for exactly the same inputs', () => {
    expect(cache.load(key(), text, 'TODO.md')).not.toBeNull();
  });

  it('misses when one character of the text changed, even at the same length', () => {
    expect(cache.load(key(), text.replace('[ ]', '[x]'), 'TODO.md')).toBeNull();
    expect(cache.load(key(), `${text}\n`, 'TODO.md')).toBeNull();
  });

  it('misses for another path, another hours-per-day or another build', () => {
    expect(cache.load(key('/plans/OTHER.md'), text, 'OTHER.md')).toBeNull();
    expect(cache.load(key('/plans/TODO.md', 6), text, 'TODO.md')).toBeNull();
    expect(new ParseCache(dir, 'build-2').load(key(), text, 'TODO.md')).toBeNull();
  });

  it('a newer save replaces the entry: one entry per path and options', () => {
    const changed = text.replace('[ ]', '[x]');
    cache.save(key(), parse(changed));
    expect(entries()).toHaveLength(1);
    expect(cache.load(key(), text, 'TODO.md')).toBeNull();
    expect(cache.load(key(), changed, 'TODO.md')?.items.map((i) => i.status)).toEqual(['done', 'done']);
  });

  it('a damaged or truncated entry is a miss, and the next save repairs it', () => {
    const [name] = entries();
    const path = join(dir, name!);
    const bytes = readFileSync(path);
    for (const damaged of [
      bytes.subarray(0, bytes.length >> 1),
      bytes.subarray(0, 3),
      Buffer.alloc(0),
      Buffer.from('not a cache entry at all'),
      Buffer.from(bytes.map((b, i) => (i > bytes.length - 40 ? 0xff : b))),
    ]) {
      writeFileSync(path, damaged);
      expect(cache.load(key(), text, 'TODO.md')).toBeNull();
    }
    cache.save(key(), parse(text));
    expect(cache.load(key(), text, 'TODO.md')).toStrictEqual(parse(text));
  });

  it.skipIf(process.platform === 'win32')('an entry others could have written is a miss', () => {
    const path = join(dir, entries()[0]!);
    chmodSync(path, 0o622);
    expect(cache.load(key(), text, 'TODO.md')).toBeNull();
    chmodSync(path, 0o600);
    expect(cache.load(key(), text, 'TODO.md')).not.toBeNull();
  });

  it('an entry holding something other than a plan is a miss', () => {
    const [name] = entries();
    // A valid serialisation with the right header fields but a wrong model.
    const s = new DefaultSerializer();
    s.writeHeader();
    s.writeValue({ format: 1, build: 'build-1', path: '/plans/TODO.md', hoursPerDay: 8 });
    s.writeValue(text);
    s.writeValue({ items: 'not a list' });
    writeFileSync(join(dir, name!), s.releaseBuffer());
    expect(cache.load(key(), text, 'TODO.md')).toBeNull();
  });
});

describe('parse cache: best effort, never in the way', () => {
  it('a cache directory that cannot be created or written is skipped without an error', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const cache = new ParseCache(join(file, 'cache'), 'b');
    const plan = parse('- [ ] one\n');
    expect(() => cache.save(key(), plan)).not.toThrow();
    expect(cache.load(key(), plan.text, 'TODO.md')).toBeNull();
  });

  it('an entry that cannot be replaced is skipped without an error, leaving no temporary file', () => {
    // Whoever runs the tests (root too) cannot rename a file over a directory that holds a file.
    const cache = new ParseCache(dir, 'b');
    cache.save(key(), parse('- [ ] one\n'));
    const [name] = entries();
    rmSync(join(dir, name!));
    mkdirSync(join(dir, name!));
    writeFileSync(join(dir, name!, 'x'), '');
    expect(() => cache.save(key(), parse('- [ ] one\n'))).not.toThrow();
    expect(cache.load(key(), '- [ ] one\n', 'TODO.md')).toBeNull();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('plans over 1 MB are parsed every time, not cached', () => {
    const text = `${'- [ ] an item with a long enough title to fill the plan\n'.repeat(20_000)}`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const cache = new ParseCache(dir, 'b');
    cache.save(key(), parse(text));
    expect(entries()).toEqual([]);
    expect(cache.load(key(), text, 'TODO.md')).toBeNull();
  });

  it('entries are private to the user and leave no temporary files', () => {
    const sub = join(dir, 'nested', 'plans');
    new ParseCache(sub, 'b').save(key(), parse('- [ ] one\n'));
    const names = readdirSync(sub);
    expect(names.filter((n) => n.endsWith('.bin'))).toHaveLength(1);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') {
      expect(statSync(sub).mode & 0o777).toBe(0o700);
      expect(statSync(join(sub, names.find((n) => n.endsWith('.bin'))!)).mode & 0o777).toBe(0o600);
    }
  });
});

describe('parse cache: pruning', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const now = Date.UTC(2026, 11, 1);
  /** A file of `bytes` (sparse: the size counts, the disk holds nothing) last written `ageDays` ago. */
  const touch = (name: string, ageDays: number, bytes = 10) => {
    const path = join(dir, name);
    writeFileSync(path, '');
    truncateSync(path, bytes);
    const t = (now - ageDays * DAY) / 1000;
    utimesSync(path, t, t);
  };

  it('removes entries and stray temporary files not written for 30 days, and nothing else', () => {
    touch('old.bin', 31);
    touch('stray.bin.1.x.tmp', 45);
    touch('recent.bin', 29);
    touch('notes.txt', 400);
    new ParseCache(dir, 'b').prune(now);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'recent.bin']);
  });

  it('removes the oldest entries until the cache is under 256 MB', () => {
    const mb = 1024 * 1024;
    touch('a.bin', 5, 100 * mb);
    touch('b.bin', 4, 100 * mb);
    touch('c.bin', 3, 100 * mb);
    touch('d.bin', 2, 100 * mb);
    new ParseCache(dir, 'b').prune(now);
    expect(readdirSync(dir).sort()).toEqual(['c.bin', 'd.bin']);
  });

  it('runs at most once a day, from a save', () => {
    const cache = new ParseCache(dir, 'b');
    touch('old.bin', 60);
    cache.save(key(), parse('- [ ] one\n'));
    expect(existsSync(join(dir, 'old.bin'))).toBe(false);
    expect(existsSync(join(dir, '.pruned'))).toBe(true);
    touch('old-too.bin', 60);
    cache.save(key('/other.md'), parse('- [ ] two\n'));
    expect(existsSync(join(dir, 'old-too.bin'))).toBe(true);
  });
});

describe('parse cache: where it lives', () => {
  it('TASKMARK_CACHE_DIR first, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(defaultCacheDir({ TASKMARK_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'taskmark', 'plans'));
    expect(defaultCacheDir({})).toMatch(/\.cache[/\\]taskmark[/\\]plans$/);
  });

  it('does not create its directory until it saves', () => {
    const sub = join(dir, 'not-yet');
    expect(new ParseCache(sub, 'b').load(key(), '', 'TODO.md')).toBeNull();
    expect(existsSync(sub)).toBe(false);
  });
});
