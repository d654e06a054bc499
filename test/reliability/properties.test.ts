/**
 * Property-based checks with a fixed seed and a small budget (`npm run fuzz -- --minutes N` runs
 * the same properties for longer): nothing throws, every range is inside the text, findings are
 * sorted and unique, the tree is lossless, fixes keep the TOML, the comments and the other lines,
 * and lint time grows linearly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixesOf, lintText, parseToml, printDocument } from '../../server/src/index.js';
import { createChecks, perKbTimes } from './checks.mjs';
import { anyBytesAsText, anyString, corpusMutation, flyConfig, tomlDocument } from './generators.mjs';
import { corpusDir } from '../support/data-paths.js';

const SEED = 20261122;
const corpusFiles = readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).sort();
const corpus = corpusFiles.map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const checks = createChecks({ parseToml, lintText, applyFixes, fixesOf, printDocument });

const budget = (numRuns: number) => ({ seed: SEED, numRuns });

describe('properties of any input', () => {
  const inputs: Array<[string, fc.Arbitrary<string>, number]> = [
    ['any string (lone surrogates, BOMs, controls)', anyString, 300],
    ['random bytes read as UTF-8 with replacement or latin1', anyBytesAsText, 200],
    ['TOML-shaped documents', tomlDocument, 300],
    ['generated fly.toml configs', flyConfig, 150],
    ['mutations of the real corpus', corpusMutation(corpus), 300],
  ];
  it.each(inputs)('%s: lossless tree, no throw, ranges inside, sorted and unique', (_name, arbitrary, runs) => {
    fc.assert(fc.property(arbitrary, (text) => void checks.invariants(text)), budget(runs));
  });

  it('the checks catch what they look for', () => {
    const broken = createChecks({ parseToml, printDocument, applyFixes, fixesOf, lintText: (text) => [{ ruleId: 'x', severity: 'error', message: 'm', range: [0, text.length + 1] }] });
    expect(() => broken.invariants('a = 1')).toThrow(/outside a text of 5/);
    const unsorted = createChecks({ parseToml, printDocument, applyFixes, fixesOf, lintText: () => [{ ruleId: 'x', severity: 'error', message: 'm', range: [3, 4] }, { ruleId: 'x', severity: 'error', message: 'm', range: [1, 2] }] });
    expect(() => unsorted.invariants('a = 1')).toThrow(/out of order/);
    const eatsComment = createChecks({ parseToml, printDocument, applyFixes, fixesOf, lintText: (text) => (text.includes('#') ? [{ ruleId: 'x', severity: 'info', message: 'm', range: [0, 1], fix: { range: [6, text.length], text: '' } }] : []) });
    expect(() => eatsComment.fixes('a = 1 # keep\n')).toThrow(/changed the comments: lost \[" keep"\]/);
    const widens = createChecks({ parseToml, printDocument, applyFixes, fixesOf, lintText: (text) => (text.startsWith('a') ? [{ ruleId: 'x', severity: 'info', message: 'm', range: [0, 1], fix: { range: [0, 1], text: 'b' } }] : []) });
    expect(() => widens.fixes('a = 1\nc = 2\n')).not.toThrow();
    const sloppy = createChecks({ parseToml, printDocument, fixesOf, lintText: (text) => (text.startsWith('a') ? [{ ruleId: 'x', severity: 'info', message: 'm', range: [0, 1], fix: { range: [0, 1], text: 'b' } }] : []), applyFixes: (text) => ({ text: 'b' + text.slice(1).replace('c', 'd'), applied: 1, remaining: 0 }) });
    expect(() => sloppy.fixes('a = 1\nc = 2\n')).toThrow(/changed line 2/);
  });
});

describe('fixes', () => {
  it.each([
    ['safe', false],
    ['unsafe (suggestions too)', true],
  ])('%s fixes on every corpus file: still TOML, comments kept, only targeted lines, idempotent', (_name, unsafe) => {
    let changed = 0;
    for (const [i, text] of corpus.entries()) {
      try {
        if (checks.fixes(text, { unsafe }).text !== text) changed++;
      } catch (error) {
        throw new Error(`${corpusFiles[i]}: ${(error as Error).message}`);
      }
    }
    // The corpus has legacy spellings (safe fixes) and production gaps (suggestions) in many files.
    expect(changed).toBeGreaterThan(unsafe ? 200 : 50);
  });

  it('every fix and suggestion, applied alone, keeps every corpus file and generated config as readable as it was', () => {
    for (const [i, text] of corpus.entries()) {
      try {
        checks.eachFixAlone(text);
      } catch (error) {
        throw new Error(`${corpusFiles[i]}: ${(error as Error).message}`);
      }
    }
    fc.assert(fc.property(flyConfig, (text) => void checks.eachFixAlone(text)), budget(100));
  });

  it.each([
    ['safe', false],
    ['unsafe', true],
  ])('%s fixes on generated configs and mutated corpus files', (_name, unsafe) => {
    fc.assert(fc.property(flyConfig, (text) => void checks.fixes(text, { unsafe })), budget(150));
    fc.assert(fc.property(corpusMutation(corpus), (text) => void checks.fixes(text, { unsafe })), budget(60));
  });
});

describe('lint time', () => {
  it('grows linearly with the input: per-KB time of 20 copies is within 4× of one copy', () => {
    const documents = [
      corpus.reduce((a, b) => (b.length > a.length ? b : a)),
      // Repeating a whole config duplicates its tables (duplicate-key findings); also time a document that stays valid.
      Array.from({ length: 40 }, (_, i) => `[[services]]\n  internal_port = ${8000 + i}\n  [[services.ports]]\n    port = ${i}\n    handlers = ["http"]\n`).join(''),
      `[env]\n${Array.from({ length: 200 }, (_, i) => `  KEY_${i} = "value ${i}" # note ${i}`).join('\n')}\n`,
    ];
    for (const [i, text] of documents.entries()) {
      const { one, many } = perKbTimes(lintText, text, 20);
      expect(many, `document ${i}: ${one.toFixed(3)} ms/KB once, ${many.toFixed(3)} ms/KB for 20 copies`).toBeLessThan(one * 4 + 0.05);
    }
  });
});
