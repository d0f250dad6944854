import { describe, expect, it } from 'vitest';
import { applyEdits, setAttribute } from '../../edit/index.js';
import { parsePlan } from '../parse.js';

const parse = (text: string) => parsePlan(text, { file: 'notes.md' });

const notes = (roster: string) =>
  [
    '# Weekly sync — 2027-01-07',
    '',
    roster,
    '',
    '## Action items',
    '',
    '- [ ] Alice: draft the incident review template',
    '- [ ] Bob to follow up with the vendor',
    '- [ ] Carol Diaz — update the launch checklist',
    '- [ ] dev-lee: rotate the staging keys',
    '- [ ] Docs: update the runbook',
    '- [ ] Dave: not among the attendees',
    '- [ ] Carol: confirm the venue @bob',
    '- [ ] Alice Cooper: a name that opens the same way',
    '',
  ].join('\n');

describe('owners named by the roster of a meeting', () => {
  it('reads a name of the roster opening an action item as its owner, and only those', () => {
    const p = parse(notes('Attendees: Alice, Bob Stone, **Carol Diaz** (PM) & @dev-lee'));
    expect(p.items.map((i) => [i.title.split(/[:—]| to /)[0]!.trim(), i.owner])).toEqual([
      ['Alice', 'Alice'],
      // A first name stands for the roster's full one.
      ['Bob', 'Bob Stone'],
      ['Carol Diaz', 'Carol Diaz'],
      ['dev-lee', 'dev-lee'],
      // Not a person of the roster: a word, or someone who was not there.
      ['Docs', null],
      ['Dave', null],
      // The item's own mention says more than its opening name.
      ['Carol', 'bob'],
      ['Alice Cooper', null],
    ]);
  });

  it('reads a name of the roster in parentheses ending an action item as its owner', () => {
    const p = parse(
      [
        'Attendees: Ana, Bo Li',
        '',
        '## Action items',
        '',
        '- [ ] Send the deck (Ana)',
        '- [ ] Book the room (bo li)',
        '- [ ] Port to Android (Beta)',
        '- [ ] Call (Ana) back today',
        '',
      ].join('\n'),
    );
    expect(p.items.map((i) => [i.title, i.owner])).toEqual([
      // The title keeps the name, as it keeps one opening it.
      ['Send the deck (Ana)', 'Ana'],
      ['Book the room (bo li)', 'Bo Li'],
      ['Port to Android (Beta)', null],
      ['Call (Ana) back today', null],
    ]);
  });

  it('reads the roster from a list under its heading, and reads no name without one', () => {
    const listed = parse(notes('## Attendees\n\n- Alice\n- Bob Stone\n'));
    expect(listed.items.slice(0, 2).map((i) => i.owner)).toEqual(['Alice', 'Bob Stone']);
    expect(parse(notes('Some prose, no roster.')).items.map((i) => i.owner)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      'bob',
      null,
    ]);
  });

  it('keeps the keys of the items whatever the roster, and an owner set on the item wins', () => {
    const a = parse(notes('Attendees: Alice, Bob'));
    const b = parse(notes('Some prose, no roster.'));
    expect(a.items.map((i) => i.key)).toEqual(b.items.map((i) => i.key));
    const first = a.items[0]!;
    const out = applyEdits(a.text, setAttribute(a, first, 'owner', 'zed'));
    expect(parse(out).items[0]).toMatchObject({ key: first.key, owner: 'zed' });
  });
});
