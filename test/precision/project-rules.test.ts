/**
 * The rules that read the files around a config, on the real-world corpus with each repository's
 * Dockerfiles and tree at the corpus commit (test/data/corpus/real-world-projects): every finding
 * is judged by hand (labels/ for rules on by default, labels-opt-in/ for the others), and a rule
 * is on by default only when at least 9 in 10 of its findings are right.
 */
import { describe, expect, it } from 'vitest';
import { findRule, lintText } from '../../server/src/index.js';
import { defaultLevel } from '../../server/src/lint/rule.js';
import { LineIndex } from '../../server/src/lint/line-index.js';
import { lintCorpus } from '../support/corpus-projects.mjs';
import { readLabels, optInLabelsDir, type Label } from './labels.js';

const RULES = ['missing-build-file', 'no-build-source', 'port-mismatch'];
const corpus = lintCorpus(lintText, { rules: Object.fromEntries(RULES.map((id) => [id, findRule(id)!.meta.severity])) });
const labels = [...readLabels(), ...readLabels(optInLabelsDir)].filter((l) => RULES.includes(l.rule));
const key = (rule: string, file: string, line: number, column: number) => `${rule}@${file}:${line}:${column}`;

const reported = new Set<string>();
for (const [file, entry] of corpus) {
  const index = new LineIndex(entry.text);
  for (const f of entry.findings as Array<{ ruleId: string; range: [number, number] }>) {
    if (!RULES.includes(f.ruleId)) continue;
    const at = index.positionAt(f.range[0]);
    reported.add(key(f.ruleId, file, at.line + 1, at.character + 1));
  }
}

function precision(rule: string, list: readonly Label[]): { right: number; total: number } {
  const shown = list.filter((l) => l.rule === rule && reported.has(key(l.rule, l.file, l.line, l.column)));
  return { right: shown.filter((l) => l.verdict === 'right').length, total: shown.length };
}

describe('rules that read the project', () => {
  it('every finding on the corpus is labelled', () => {
    const labelled = new Set(labels.map((l) => key(l.rule, l.file, l.line, l.column)));
    expect([...reported].filter((k) => !labelled.has(k)).sort()).toEqual([]);
  });

  it('every finding labelled right is still reported', () => {
    const lost = labels.filter((l) => l.verdict === 'right' && !reported.has(key(l.rule, l.file, l.line, l.column)));
    expect(lost.map((l) => `${l.source}: ${l.reason}`)).toEqual([]);
  });

  it.each(RULES)('%s: on by default only with at least 9 in 10 findings right', (rule) => {
    const meta = findRule(rule)!.meta;
    const { right, total } = precision(rule, labels);
    expect(total).toBeGreaterThan(0);
    if (defaultLevel(meta) !== 'off') expect(right / total).toBeGreaterThanOrEqual(0.9);
    else expect(right / total).toBeLessThan(0.9);
  });

  it('the measured figures', () => {
    expect(RULES.map((rule) => [rule, precision(rule, labels)])).toEqual([
      ['missing-build-file', { right: 1, total: 1 }],
      ['no-build-source', { right: 1, total: 6 }],
      ['port-mismatch', { right: 1, total: 2 }],
    ]);
  });
});
