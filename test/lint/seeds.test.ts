/**
 * Lint on the five real plans in ../shared/seeds: the findings a careful reader of each plan agrees
 * with, by rule and line; fix then fix again changes nothing; the SARIF output validates against the
 * official SARIF 2.1.0 schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applyEdits } from '../../src/core/edit/splice.js';
import { collectFixes, lintPlan, RULES } from '../../src/core/lint/engine.js';
import { toSarif } from '../../src/core/lint/format/sarif.js';
import type { Finding, LintContext } from '../../src/core/lint/types.js';
import { parsePlan } from '../../src/core/plan/parse.js';

const SHARED = resolve(import.meta.dirname, '../../../shared');
const SEEDS = join(SHARED, 'seeds');
const SCHEMA = join(SHARED, 'schemas/sarif-schema-2.1.0.json');
const haveSeeds = existsSync(SEEDS);
const haveSchema = existsSync(SCHEMA);
if (!haveSeeds) console.log(`skip: lint seed tests — ${SEEDS} is not here (it is in CI)`);
if (!haveSchema) console.log(`skip: SARIF schema validation — ${SCHEMA} is not here (it is in CI)`);

// Both packages are CommonJS with the export on `.default`; under NodeNext the default import is the module.
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

const CTX: LintContext = { today: '2026-12-02', dueSoonDays: 7, similarity: 0.9, hoursPerDay: 8 };
const parse = (text: string, file: string) => parsePlan(text, { file, parseYaml: (s) => parseYaml(s) });

function lintSeed(name: string): { text: string; findings: Finding[] } {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  return { text, findings: lintPlan(parse(text, name), CTX) };
}

const at = (fs: readonly Finding[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => f.line);

describe.runIf(haveSeeds)('lint on the seed plans', () => {
  it('000: the footer states another version than the front matter and header', () => {
    const { findings } = lintSeed('000_a13b0f883172bf72.txt');
    const facts = findings.filter((f) => f.rule === 'fact-mismatch');
    expect(facts.map((f) => f.line)).toEqual([710]);
    expect(facts[0]!.message).toContain('5.0.0');
    expect(facts[0]!.message).toContain('5.1.0');
  });

  it('000: the emoji turned to mojibake are repaired, the lost ones reported', () => {
    const { text, findings } = lintSeed('000_a13b0f883172bf72.txt');
    expect(at(findings, 'encoding-lost-characters')).toEqual([26, 27]);
    const mojibake = findings.filter((f) => f.rule === 'encoding-mojibake');
    expect(mojibake.map((f) => f.line)).toContain(14);
    const fixed = applyEdits(text, collectFixes(mojibake).edits);
    expect(fixed.split('\n')[13]).toBe('**Status:** 🚀 ACTIVE');
    expect(fixed.split('\n')[17]).toBe('## 🎯 Executive Summary');
  });

  it('001: the checked parent with an open child', () => {
    const { findings } = lintSeed('001_a08eff4faeef75ee.txt');
    const f = findings.filter((x) => x.rule === 'parent-done-child-open');
    expect(f.map((x) => x.line)).toEqual([19]);
    expect(f[0]!.message).toContain('Configure branch protection rules for main branch');
  });

  it('002: carry-over items restated in the backlog are near-duplicates', () => {
    const { findings } = lintSeed('002_5be166d1ece8df77.txt');
    const dups = findings.filter((f) => f.rule === 'duplicate-item');
    expect(dups.some((f) => f.message.includes('Kubernetes manifests and Helm charts'))).toBe(true);
    expect(at(findings, 'parent-done-child-open')).toEqual([60]);
  });

  it('003: damaged box drawing and emoji (Windows-1252 and Windows-1254) are repaired; runs that lost a byte are not guessed', () => {
    const { text, findings } = lintSeed('003_54aebb4739e7b1e9.txt');
    const mojibake = findings.filter((f) => f.rule === 'encoding-mojibake');
    expect(mojibake.filter((f) => f.fix !== null).length).toBeGreaterThan(90);
    expect(mojibake.some((f) => f.message.includes('Windows-1254'))).toBe(true);
    // `⏳` is E2 8F B3 in UTF-8; 0x8F has no Windows-1252 character, so the damage dropped it.
    const line54 = mojibake.find((f) => f.line === 54)!;
    expect(line54.fix).toBeNull();
    expect(line54.message).toContain('not restorable');
    const fixed = applyEdits(text, collectFixes(mojibake).edits).split('\n');
    expect(fixed[8]).toContain('📋');
    expect(fixed[34]).toMatch(/^┌─+/);
  });

  it('every seed: fix then fix again changes nothing', () => {
    for (const name of [
      '000_a13b0f883172bf72.txt',
      '001_a08eff4faeef75ee.txt',
      '002_5be166d1ece8df77.txt',
      '003_54aebb4739e7b1e9.txt',
      '004_736f0abe7c776d48.txt',
    ]) {
      let text = readFileSync(join(SEEDS, name), 'utf8');
      for (let pass = 0; pass < 8; pass++) {
        const { edits } = collectFixes(lintPlan(parse(text, name), CTX));
        if (edits.length === 0) break;
        text = applyEdits(text, edits);
      }
      expect(collectFixes(lintPlan(parse(text, name), CTX)).edits, name).toEqual([]);
    }
  });

  it.runIf(haveSchema)('the SARIF log of every seed validates against the SARIF 2.1.0 schema', () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const findings = ['000_a13b0f883172bf72.txt', '003_54aebb4739e7b1e9.txt'].flatMap(
      (n) => lintSeed(n).findings,
    );
    expect(findings.length).toBeGreaterThan(0);
    const log = toSarif(findings, RULES, { toolVersion: '0.1.0' });
    const ok = validate(JSON.parse(JSON.stringify(log)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe.runIf(haveSchema)('SARIF', () => {
  it('a log with every kind of result (fixes, all levels, odd file names) validates', () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const text =
      '# Plan\n\n- [ ] Renew 📅 2026-12-04\n- [x] Ship\n  - [ ] Tell\n- [ ] Back ðŸš€\n- [ ] Lost \uFFFD\n';
    const findings = lintPlan(parse(text, 'docs/my plan #1.md'), CTX);
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
    expect(findings.some((f) => f.fix)).toBe(true);
    const log = toSarif(findings, RULES, { toolVersion: '0.1.0' });
    expect(validate(JSON.parse(JSON.stringify(log))), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'docs/my%20plan%20%231.md',
    );
  });
});
