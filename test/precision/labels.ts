/** The labelled findings of test/precision/labels/*.tsv (format in README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface Label {
  rule: string;
  file: string;
  line: number;
  column: number;
  verdict: 'right' | 'noise';
  reason: string;
  /** Where the label is written, for messages: labels/<rule>.tsv:<row>. */
  source: string;
}

export const labelsDir = fileURLToPath(new URL('./labels/', import.meta.url));
/** Findings of opt-in rules, judged the same way: what decides that a rule stays off by default. */
export const optInLabelsDir = fileURLToPath(new URL('./labels-opt-in/', import.meta.url));

/** The labels of a folder: labels/ (rules on by default) unless another is given. */
export function readLabels(dir = labelsDir): Label[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort().flatMap((name) => {
    const rule = name.slice(0, -'.tsv'.length);
    const [header, ...rows] = readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.trim() !== '');
    if (header !== 'file\tline\tcolumn\tverdict\treason') throw new Error(`labels/${name}: bad header "${header}"`);
    return rows.map((row, i) => {
      const [file, line, column, verdict, reason] = row.split('\t');
      const source = `labels/${name}:${i + 2}`;
      if (!file || !reason || (verdict !== 'right' && verdict !== 'noise') || !/^\d+$/.test(line ?? '') || !/^\d+$/.test(column ?? '')) {
        throw new Error(`${source}: expected file, line, column, right|noise and a reason: "${row}"`);
      }
      return { rule, file, line: Number(line), column: Number(column), verdict, reason, source };
    });
  });
}
