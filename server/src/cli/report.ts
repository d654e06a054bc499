/** What every formatter receives: one entry per linted file, findings with their locations. */
import { LineIndex } from '../lint/line-index.js';
import type { Finding, Location } from '../lint/types.js';

export interface FileReport {
  /** Absolute path (or the stdin file name). */
  filePath: string;
  /** Path as shown to people: relative to the current directory. */
  displayPath: string;
  text: string;
  findings: Array<Finding & { location: Location }>;
}

export function fileReport(filePath: string, displayPath: string, text: string, findings: readonly Finding[]): FileReport {
  const index = new LineIndex(text);
  return { filePath, displayPath, text, findings: findings.map((f) => ({ ...f, location: index.location(f.range) })) };
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  suggestable: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0, suggestable: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else t.infos++;
      if (f.fix) t.fixable++;
      else if (f.suggestions?.length) t.suggestable++;
    }
  }
  return t;
}
