import { describe, expect, it } from 'vitest';
import { isTmError, TmError } from '../errors.js';
import { queryAstSchema } from './ast.js';
import { parseQuery } from './parse.js';

function errorOf(q: string): TmError {
  try {
    parseQuery(q);
  } catch (e) {
    if (e instanceof TmError) return e;
    throw e;
  }
  throw new Error(`parsed: ${q}`);
}

describe('parseQuery', () => {
  it('reads the example query of the issue', () => {
    const ast = parseQuery(
      'priority:P0 status:todo,doing owner:alice due<2026-01-01 tag:docker "exact phrase" -word',
    );
    expect(ast.terms).toEqual([
      { field: 'priority', op: '=', values: [0], negated: false },
      { field: 'status', op: '=', values: ['todo', 'doing'], negated: false },
      { field: 'owner', op: '=', values: ['alice'], negated: false },
      { field: 'due', op: '<', values: ['2026-01-01'], negated: false },
      { field: 'tag', op: '=', values: ['docker'], negated: false },
      { field: 'text', text: 'exact phrase', prefix: false, negated: false },
      { field: 'text', text: 'word', prefix: false, negated: true },
    ]);
    expect(queryAstSchema.parse(ast)).toEqual(ast);
  });

  it('reads an empty query as no terms', () => {
    expect(parseQuery('')).toEqual({ terms: [] });
    expect(parseQuery(' \t\n ')).toEqual({ terms: [] });
  });

  it('reads prefixes, negated fields and negated phrases', () => {
    expect(parseQuery('dock* -status:done -"old stuff"*').terms).toEqual([
      { field: 'text', text: 'dock', prefix: true, negated: false },
      { field: 'status', op: '=', values: ['done'], negated: true },
      { field: 'text', text: 'old stuff', prefix: true, negated: true },
    ]);
  });

  it('reads priorities as ranks from P labels, MoSCoW and words, with comparisons', () => {
    expect(parseQuery('priority:must,Should,high,p3,none').terms[0]).toMatchObject({
      values: [0, 1, 1, 3, null],
    });
    expect(parseQuery('priority<=P1').terms[0]).toEqual({
      field: 'priority',
      op: '<=',
      values: [1],
      negated: false,
    });
    expect(parseQuery('prio:>P2').terms[0]).toMatchObject({ op: '>', values: [2] });
  });

  it('reads status words and the open and closed groups', () => {
    expect(parseQuery('status:wip,"in progress",closed').terms[0]).toMatchObject({
      values: ['doing', 'doing', 'done', 'cancelled'],
    });
    expect(parseQuery('is:open').terms[0]).toMatchObject({ values: ['todo', 'doing', 'blocked'] });
  });

  it('reads due dates, buckets, none and GitHub-style comparisons', () => {
    expect(parseQuery('due:overdue,Today,none,2026-02-28').terms[0]).toMatchObject({
      op: '=',
      values: ['overdue', 'today', null, '2026-02-28'],
    });
    expect(parseQuery('due:>=2026-03-01').terms[0]).toMatchObject({ op: '>=', values: ['2026-03-01'] });
  });

  it('reads efforts in minutes from any unit', () => {
    expect(parseQuery('effort:30m,1.5h,2d,1w,45,none').terms[0]).toMatchObject({
      values: [30, 90, 960, 2400, 45, null],
    });
    expect(parseQuery('effort<=4h').terms[0]).toMatchObject({ op: '<=', values: [240] });
  });

  it('keeps string values as written, quoted ones with spaces and commas, and reads bare none as no value', () => {
    expect(parseQuery('owner:"Alice Smith",@bob section:"P0 - Reliability" category:none').terms).toEqual([
      { field: 'owner', op: '=', values: ['Alice Smith', '@bob'], negated: false },
      { field: 'section', op: '=', values: ['P0 - Reliability'], negated: false },
      { field: 'category', op: '=', values: [null], negated: false },
    ]);
    expect(parseQuery('owner:"none"').terms[0]).toMatchObject({ values: ['none'] });
  });

  it('accepts field aliases and any case in field names', () => {
    expect(parseQuery('Assignee:x TYPE:task path:docs/ id:MH-001 key:a/b').terms.map((t) => t.field)).toEqual(
      ['owner', 'kind', 'file', 'id', 'key'],
    );
  });

  it('unescapes quotes and backslashes inside quoted text', () => {
    expect(parseQuery('"say \\"hi\\" \\\\ now"').terms[0]).toMatchObject({ text: 'say "hi" \\ now' });
  });

  it('drops words with nothing to search for', () => {
    expect(parseQuery('- — * "..." fix').terms).toEqual([
      { field: 'text', text: 'fix', prefix: false, negated: false },
    ]);
  });
});

describe('parseQuery errors', () => {
  it('points at an unknown field with its column and a caret line', () => {
    const e = errorOf('priority:P0 stauts:todo');
    expect(e.code).toBe('TM_USAGE');
    expect(e.message).toBe(
      'Invalid query at column 13: unknown field "stauts"; fields are status, priority, owner, section, category, tag, file, kind, id, key, due, effort, phase. To search for the text, put it in quotes.\n' +
        '  priority:P0 stauts:todo\n' +
        '              ^^^^^^',
    );
    expect(e.details).toMatchObject({ column: 13, token: 'stauts' });
  });

  it('points at a bad value inside a list', () => {
    const e = errorOf('status:todo,dunno');
    expect(e.message).toContain('column 13: "dunno" is not a status');
    expect(e.message.split('\n')[2]).toBe('              ^^^^^');
  });

  it('refuses unclosed quotes, comparisons on unordered fields, lists in comparisons and empty values', () => {
    expect(errorOf('fix "the bug').message).toContain('column 5: this quote is never closed');
    expect(errorOf('status<todo').message).toContain('status takes no comparison');
    expect(errorOf('due<2026-01-01,2026-02-01').message).toContain('a comparison takes one value');
    expect(errorOf('owner: alice').message).toContain('owner needs a value');
    expect(errorOf('owner:""').message).toContain('owner needs a value');
    expect(errorOf('tag:a,').message).toContain('column 7: tag needs a value');
  });

  it('refuses invalid dates, buckets in comparisons, unknown units and out-of-range priorities', () => {
    expect(errorOf('due:2026-02-30').message).toContain('"2026-02-30" is not a due date');
    expect(errorOf('due<overdue').message).toContain('use a date like 2026-01-31');
    expect(errorOf('effort<3parsecs').message).toContain('is not an effort');
    expect(errorOf('priority:P7').message).toContain('"P7" is not a priority');
    expect(errorOf('priority<none').message).toContain('"none" is not a priority');
  });

  it('refuses text glued to a quote or after a value', () => {
    expect(errorOf('a"b"').message).toContain('column 2: a quote can only start a term');
    expect(errorOf('"a"b').message).toContain('column 4: unexpected "b" after the closing quote');
    expect(errorOf('owner:x"y"').message).toContain('after the value of owner');
  });

  it('counts columns in characters and shows control characters as spaces', () => {
    const e = errorOf('🚀 ✅\nbogus:1');
    expect(e.details).toMatchObject({ column: 5 });
    expect(e.message.split('\n').slice(1)).toEqual(['  🚀 ✅ bogus:1', '      ^^^^^']);
  });

  it('shows a window of a long query around the bad token', () => {
    const e = errorOf(`${'word '.repeat(100)}nope:1 ${'tail '.repeat(50)}`);
    const [, line, caret] = e.message.split('\n');
    expect(line!.length).toBeLessThanOrEqual(80);
    expect(line!.startsWith('  …')).toBe(true);
    expect(line!.slice(caret!.indexOf('^'), caret!.indexOf('^') + 4)).toBe('nope');
  });

  it('refuses queries over the length limit with TM_TOO_LARGE', () => {
    expect(isTmError(errorOf('a'.repeat(5000)), 'TM_TOO_LARGE')).toBe(true);
  });
});
