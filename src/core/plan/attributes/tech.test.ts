import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTechTags, TECH } from './tech.js';

/** Every spelling of the table, by the tag it gives. */
const SPELLINGS: Record<string, string> = {};
for (const [tag, words] of Object.entries(TECH)) for (const w of words) SPELLINGS[w] = tag;

/**
 * The reading as first written: one pass over the characters, each word looked up alone and with the
 * word before it, on the lower-cased text. readTechTags must agree with it on any text.
 */
function reference(text: string): string[] {
  const out: string[] = [];
  const s = text.toLowerCase();
  const isWord = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  const isJoin = (c: number) => c === 46 || c === 43 || c === 45;
  let prev = '';
  let i = 0;
  while (i < s.length) {
    if (!isWord(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < s.length &&
      (isWord(s.charCodeAt(j)) || (isJoin(s.charCodeAt(j)) && isWord(s.charCodeAt(j + 1))))
    )
      j++;
    const word = s.slice(i, j);
    const tag = SPELLINGS[word] ?? (prev ? SPELLINGS[`${prev} ${word}`] : undefined);
    if (tag && !out.includes(tag)) out.push(tag);
    prev = word;
    i = j;
  }
  return out;
}

describe('readTechTags', () => {
  it('agrees with a character-by-character reading on any text', () => {
    const words = [...Object.keys(SPELLINGS).flatMap((w) => w.split(' ')), 'the', 'a', 'do', 'po', 'x'];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(' ', '  ', '.', '-', '+', '/', ',', '`', '(', ')', 'é', 'İ', '1', '\t'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        expect(readTechTags(s)).toEqual(reference(s));
      }),
      { numRuns: 4000 },
    );
  });

  it('reads two-word names only from adjacent words', () => {
    expect(readTechTags('Spring Boot service')).toEqual(['spring-boot']);
    expect(readTechTags('spring, boot')).toEqual(['spring-boot']);
    expect(readTechTags('spring x boot')).toEqual([]);
    expect(readTechTags('foo.docker and -docker')).toEqual(['docker']);
    expect(readTechTags('a.docker')).toEqual([]);
  });
});

describe('readTechTags over the whole table', () => {
  const words = Object.values(TECH).flatMap((ws) => ws.flatMap((w) => w.split(' ')));
  const word = fc.constantFrom(...words, 'the', 'co', 'do', 'x', 'a1');
  const piece = fc.oneof(
    word,
    word.map((w) => w.toUpperCase()),
    word.map((w) => w[0]!.toUpperCase() + w.slice(1)),
    // Characters that lower-case onto ASCII letters, joiners, separators and text beyond ASCII.
    fc.constantFrom(' ', '.', '-', '+', '/', '_', '`', 'K', 'İ', '\u212a', 'é', '🚀', '1', '\t'),
    fc.string({ maxLength: 3 }),
  );

  it('gives the same tags in the same order on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(readTechTags(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads every spelling, in capitals too, and what lower-casing turns into one', () => {
    for (const [tag, ws] of Object.entries(TECH)) {
      for (const w of ws) {
        expect(readTechTags(`use ${w} here`)).toEqual([tag]);
        expect(readTechTags(w.toUpperCase())).toEqual([tag]);
      }
    }
    // The Kelvin sign lower-cases to `k`: "\u212aafka" is read as kafka, as lower-casing reads it.
    expect(readTechTags('\u212aafka and \u212a8s')).toEqual(['kafka', 'kubernetes']);
    expect(readTechTags('Dockerİ docker')).toEqual(reference('Dockerİ docker'));
  });
});
