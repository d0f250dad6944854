import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTechTags } from './tech.js';

/** The spellings, as in tech.ts (a changed table must be changed here too: the test then says so). */
const SPELLINGS: Record<string, string> = {};
for (const [tag, words] of Object.entries({
  docker: ['docker', 'dockerfile', 'docker compose', 'docker-compose'],
  kubernetes: ['kubernetes', 'k8s', 'kubectl'],
  postgresql: ['postgresql', 'postgres', 'psql'],
  'github-actions': ['github actions', 'github workflows'],
  nodejs: ['node.js', 'nodejs'],
  'spring-boot': ['spring boot'],
  vault: ['hashicorp vault'],
  s3: ['s3'],
  redis: ['redis'],
}))
  for (const w of words) SPELLINGS[w] = tag;

/**
 * The reading as first written: one pass over the characters, each word looked up alone and with the
 * word before it. Restricted to the spellings above, it must agree with readTechTags on them.
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
        const known = new Set(Object.values(SPELLINGS));
        expect(readTechTags(s).filter((t) => known.has(t))).toEqual(reference(s));
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
