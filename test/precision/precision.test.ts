/**
 * The default output on real configs holds to the hand-made labels: every finding judged right is
 * still reported, and none judged noise is.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../server/src/index.js';
import { LineIndex } from '../../server/src/lint/line-index.js';
import { corpusDir, lintCorpus } from '../support/corpus-projects.mjs';
import { readLabels } from './labels.js';

const labels = readLabels();
const corpus = lintCorpus(lintText);

/** `rule@line:column` of every default finding of a corpus file. */
function placesOf(file: string): Set<string> {
  const entry = corpus.get(file);
  if (!entry) return new Set();
  const index = new LineIndex(entry.text);
  return new Set(entry.findings.map((f: { ruleId: string; range: [number, number] }) => {
    const at = index.positionAt(f.range[0]);
    return `${f.ruleId}@${at.line + 1}:${at.character + 1}`;
  }));
}

describe('precision set', () => {
  it('covers every rule that fires by default on the corpus, with at least 150 labels', () => {
    expect(labels.length).toBeGreaterThanOrEqual(150);
    const firing = new Set([...corpus.values()].flatMap((entry) => entry.findings.map((f: { ruleId: string }) => f.ruleId)));
    const labelled = new Set(labels.filter((l) => l.verdict === 'right').map((l) => l.rule));
    expect([...firing].filter((rule) => !labelled.has(rule)).sort()).toEqual([]);
  });

  it('every label names a corpus file and a known rule, once', () => {
    const seen = new Set<string>();
    for (const label of labels) {
      expect(existsSync(join(corpusDir, label.file)), `${label.source}: no corpus file ${label.file}`).toBe(true);
      const key = `${label.rule}@${label.file}:${label.line}:${label.column}`;
      expect(seen.has(key), `${label.source}: labelled twice`).toBe(false);
      seen.add(key);
    }
  });

  it('reports every finding labelled right and none labelled noise', () => {
    const wrong: string[] = [];
    for (const label of labels) {
      const reported = placesOf(label.file).has(`${label.rule}@${label.line}:${label.column}`);
      if (label.verdict === 'right' && !reported) wrong.push(`${label.source}: right finding no longer reported (${label.reason})`);
      if (label.verdict === 'noise' && reported) wrong.push(`${label.source}: noise still reported (${label.reason})`);
    }
    expect(wrong).toEqual([]);
  });
});
