import { describe, expect, it } from 'vitest';
import type { ItemRecord } from '../store/port.js';
import { facetCounts } from './facets.js';
import { matchesItem } from './match.js';
import { parseQuery } from './parse.js';

const TODAY = '2026-01-10';

function item(over: Partial<ItemRecord> = {}): ItemRecord {
  return {
    file: 'docs/ROADMAP.md',
    key: 'k',
    id: null,
    title: 'Untitled',
    kind: 'checkbox',
    status: 'todo',
    checkbox: ' ',
    line: 1,
    position: 0,
    depth: 0,
    parent: null,
    section: [],
    priorityRank: null,
    priorityLabel: null,
    owner: null,
    due: null,
    effortMinutes: null,
    category: null,
    phase: null,
    tags: [],
    dependsOn: [],
    ...over,
    // The owner alone, unless the test names several.
    owners: over.owners ?? (over.owner ? [over.owner] : []),
  };
}

const matches = (q: string, i: ItemRecord) => matchesItem(parseQuery(q), i, TODAY);

describe('matchesItem', () => {
  it('matches every item with an empty query', () => {
    expect(matches('', item())).toBe(true);
  });

  it('ands terms and ors the values of one field', () => {
    const i = item({ status: 'doing', priorityRank: 0, priorityLabel: 'P0' });
    expect(matches('status:todo,doing priority:P0', i)).toBe(true);
    expect(matches('status:todo,doing priority:P1', i)).toBe(false);
  });

  it('compares priority ranks, with higher priorities lower', () => {
    const p1 = item({ priorityRank: 1, priorityLabel: 'Should Have' });
    expect(matches('priority<=P1', p1)).toBe(true);
    expect(matches('priority<P1', p1)).toBe(false);
    expect(matches('priority:should', p1)).toBe(true);
    expect(matches('priority<=P3', item())).toBe(false);
    expect(matches('priority:none', item())).toBe(true);
  });

  it('treats a missing value as failing a comparison and passing its negation', () => {
    const undated = item();
    expect(matches('due<2026-12-31', undated)).toBe(false);
    expect(matches('-due<2026-12-31', undated)).toBe(true);
    expect(matches('-effort>1h', undated)).toBe(true);
    expect(matches('-owner:alice', undated)).toBe(true);
  });

  it('compares string fields folded, owners without @ and tags without #', () => {
    expect(matches('owner:alice', item({ owner: '@Alice' }))).toBe(true);
    expect(matches('owner:@ALICE', item({ owner: 'alice' }))).toBe(true);
    expect(matches('owner:ali', item({ owner: 'alice' }))).toBe(false);
    expect(matches('tag:docker', item({ tags: ['ci', '#Docker'] }))).toBe(true);
    expect(matches('category:securite', item({ category: 'Sécurité' }))).toBe(true);
    expect(matches('owner:none', item({ owner: 'bob' }))).toBe(false);
  });

  it('matches section, file and phase by containment', () => {
    const i = item({ section: ['Roadmap', 'P0 - Reliability'], phase: 'Phase 2', file: 'docs/ROADMAP.md' });
    expect(matches('section:reliab', i)).toBe(true);
    expect(matches('section:"p0 - reliability"', i)).toBe(true);
    expect(matches('file:docs/', i)).toBe(true);
    expect(matches('phase:2', i)).toBe(true);
    expect(matches('section:ops', i)).toBe(false);
  });

  it('matches id by explicit ID and key by key, both folded', () => {
    const i = item({ key: 'MH-001', id: 'MH-001' });
    expect(matches('id:mh-001', i)).toBe(true);
    expect(matches('key:MH-001', i)).toBe(true);
    expect(matches('id:none', item({ key: 'roof/gutters' }))).toBe(true);
  });

  it('puts due dates in buckets relative to today', () => {
    const due = (d: string) => item({ due: d });
    expect(matches('due:overdue', due('2026-01-09'))).toBe(true);
    expect(matches('due:today', due('2026-01-10'))).toBe(true);
    expect(matches('due:week', due('2026-01-10'))).toBe(true);
    expect(matches('due:week', due('2026-01-17'))).toBe(true);
    expect(matches('due:week', due('2026-01-18'))).toBe(false);
    expect(matches('due:month', due('2026-01-18'))).toBe(true);
    expect(matches('due:month', due('2026-02-09'))).toBe(true);
    expect(matches('due:later', due('2026-02-10'))).toBe(true);
    expect(matches('due:none', item())).toBe(true);
    expect(matches('due:2026-01-09', due('2026-01-09'))).toBe(true);
    expect(matches('due>=2026-01-09 due<2026-01-10', due('2026-01-09'))).toBe(true);
  });

  it('compares effort in minutes', () => {
    const i = item({ effortMinutes: 240 });
    expect(matches('effort<=4h effort>=0.5d effort>3h', i)).toBe(true);
    expect(matches('effort:240m', i)).toBe(true);
    expect(matches('effort:none', i)).toBe(false);
  });

  it('finds free words in the title, ID, sections, owner, category, phase, priority label and tags', () => {
    const i = item({
      title: 'Ship the Docker image',
      id: 'OPS-7',
      section: ['Delivery'],
      owner: 'Dana',
      category: 'Infra',
      phase: 'Phase 3',
      priorityLabel: 'Must Have',
      tags: ['containers'],
    });
    for (const q of [
      'docker',
      'DOCKER',
      'ops',
      '7',
      'delivery',
      'dana',
      'infra',
      'phase',
      'must',
      'containers',
    ]) {
      expect(matches(q, i), q).toBe(true);
    }
    expect(matches('dock', i)).toBe(false);
    expect(matches('dock*', i)).toBe(true);
    expect(matches('-docker', i)).toBe(false);
    expect(matches('kubernetes', i)).toBe(false);
  });

  it('matches phrases as consecutive words within one text, the last word as a prefix when asked', () => {
    const i = item({ title: 'Ship the Docker image', owner: 'Dana' });
    expect(matches('"the docker"', i)).toBe(true);
    expect(matches('"docker the"', i)).toBe(false);
    expect(matches('"docker im"*', i)).toBe(true);
    expect(matches('"image dana"', i)).toBe(false);
    expect(matches('ops-7', item({ title: 'see OPS-7 first' }))).toBe(true);
  });

  it('folds case and diacritics in free text', () => {
    expect(matches('resume', item({ title: 'Écrire le Résumé' }))).toBe(true);
    expect(matches('ÉCRIRE', item({ title: 'ecrire' }))).toBe(true);
  });

  it('matches kinds', () => {
    expect(matches('kind:heading', item({ kind: 'heading' }))).toBe(true);
    expect(matches('-kind:task', item())).toBe(false);
  });
});

describe('facetCounts', () => {
  const items = [
    item({ status: 'done', owner: 'alice', tags: ['ci', 'ci'], due: '2026-01-01', priorityRank: 0 }),
    item({ status: 'todo', owner: 'bob', tags: ['ci'], due: '2026-01-12', section: ['Plan', 'Build'] }),
    item({ status: 'todo', owner: null, due: '2026-03-01', file: 'TODO.md' }),
  ];

  it('counts each facet over all items, most frequent first and none last among equals', () => {
    const f = facetCounts(items, TODAY);
    expect(f.status).toEqual([
      { value: 'todo', count: 2 },
      { value: 'done', count: 1 },
    ]);
    expect(f.owner).toEqual([
      { value: 'alice', count: 1 },
      { value: 'bob', count: 1 },
      { value: null, count: 1 },
    ]);
    expect(f.tag).toEqual([
      { value: 'ci', count: 2 },
      { value: null, count: 1 },
    ]);
    expect(f.due).toEqual([
      { value: 'later', count: 1 },
      { value: 'overdue', count: 1 },
      { value: 'week', count: 1 },
    ]);
    expect(f.priority).toEqual([
      { value: null, count: 2 },
      { value: 'P0', count: 1 },
    ]);
    expect(f.section).toEqual([
      { value: null, count: 2 },
      { value: 'Build', count: 1 },
    ]);
  });

  it('counts only the items a query matches, and only the facets asked for', () => {
    expect(facetCounts(items, TODAY, parseQuery('status:todo'), ['file'])).toEqual({
      file: [
        { value: 'TODO.md', count: 1 },
        { value: 'docs/ROADMAP.md', count: 1 },
      ],
    });
  });
});
