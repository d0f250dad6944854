import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowchartEdges, ganttAfters, isMermaid } from './mermaid.js';

const edges = (rows: string[]) =>
  flowchartEdges(rows).map(
    (e) =>
      `${e.from.id}${e.from.label === null ? '' : `[${e.from.label}]`}>${e.to.id}${e.to.label === null ? '' : `[${e.to.label}]`}@${e.row}`,
  );

describe('Mermaid flowcharts', () => {
  it('knows a Mermaid block by its info string', () => {
    expect(['mermaid', ' Mermaid ', 'mermaid {init}'].map(isMermaid)).toEqual([true, true, true]);
    expect(['', 'mermaidjs', 'js', 'text mermaid'].map(isMermaid)).toEqual([false, false, false, false]);
  });

  it('reads the arrows between nodes, chained and grouped, each node with its label from anywhere', () => {
    expect(
      edges([
        'flowchart LR',
        '  A[Schema] --> B(API) --> C{"UI work"}',
        '  A & B --> D',
        '  D -->|then| E',
        '  E -- after --> F',
        '  F -.-> G',
        '  G ==> H',
        '  H -. maybe .-> P0-001',
        'P0-001-->P0-002',
      ]),
    ).toEqual([
      'A[Schema]>B[API]@1',
      'B[API]>C[UI work]@1',
      'A[Schema]>D@2',
      'B[API]>D@2',
      'D>E@3',
      'E>F@4',
      'F>G@5',
      'G>H@6',
      'H>P0-001@7',
      'P0-001>P0-002@8',
    ]);
  });

  it('reads no order from open links, links both ways or ending in a cross, nor from other statements', () => {
    expect(
      edges([
        '%% the plan',
        'graph TD; A --> B',
        'subgraph One',
        '  B --- C',
        '  C <--> D',
        '  D --x E',
        '  E --o F',
        'end',
        'style A fill:#f9f',
        'classDef done fill:#9f9',
        'click A "https://example.com"',
        'A:::done --> G %% a comment',
        'X[[Sub]] --> Y([Stadium]) --> Z[(Database)]',
      ]),
    ).toEqual(['A>B@1', 'A>G@11', 'X[Sub]>Y[Stadium]@12', 'Y[Stadium]>Z[Database]@12']);
  });

  it("reads a Gantt chart's tasks that start after others, by the names of both", () => {
    expect(
      ganttAfters([
        'gantt',
        '    title Launch',
        '    dateFormat YYYY-MM-DD',
        '    section Build',
        '    Schema      :done, s1, 2026-11-01, 5d',
        '    API         :active, a1, after s1, 10d',
        '    UI          :u1, after a1 s1, 7d %% both',
        '    Docs        :after a1, 3d',
        '    Beta        :crit, b1, 2027-01-10, 3d',
        '    Party       :after zz, 1d',
      ]),
    ).toEqual([
      { task: 'API', after: ['Schema'], row: 5 },
      { task: 'UI', after: ['API', 'Schema'], row: 6 },
      { task: 'Docs', after: ['API'], row: 7 },
      // An ID no task has stays as written: it may name an item.
      { task: 'Party', after: ['zz'], row: 9 },
    ]);
    expect(ganttAfters(['graph TD', 'A --> B'])).toEqual([]);
    expect(flowchartEdges(['gantt', 'API :a1, after s1, 10d'])).toEqual([]);
  });

  it('reads nothing from a diagram that is no flowchart', () => {
    expect(edges(['sequenceDiagram', 'A->>B: hi', 'A --> B'])).toEqual([]);
    expect(edges(['gantt', 'task2 :a2, after a1, 2d'])).toEqual([]);
    expect(edges([])).toEqual([]);
  });

  it('gives every edge ends named in the chart, and every task its row, and never throws, on any text (property)', () => {
    const piece = fc.constantFrom(
      'A',
      'B1',
      'P0-001',
      ' ',
      '-->',
      '---',
      '-.->',
      '==>',
      '<-->',
      '--x',
      '|t|',
      '[',
      ']',
      '(',
      ')',
      '{',
      '}',
      '"',
      '&',
      ';',
      ':::c',
      '%%',
      'é',
      '-',
      '.',
      ':',
      ',',
      'after ',
      'done',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
          { maxLength: 6 },
        ),
        (rows) => {
          const all = ['graph TD', ...rows];
          for (const e of flowchartEdges(all)) {
            expect(all[e.row]).toContain(e.from.id);
            expect(all[e.row]).toContain(e.to.id);
            expect(e.row).toBeGreaterThan(0);
          }
          const chart = ['gantt', ...rows];
          for (const g of ganttAfters(chart)) {
            expect(chart[g.row]).toContain(g.task);
            expect(g.after.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
