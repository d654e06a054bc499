/** What every formatter receives: one entry per linted file, findings with their locations. */
import { LineIndex } from '../lint/line-index.js';
import type { Finding, Location, RelatedInformation } from '../lint/types.js';
import { secretMask, type SecretMask } from '../lint/secret-mask.js';

export interface FileReport {
  /** Absolute path (or the stdin file name). */
  filePath: string;
  /** Path as shown to people: relative to the current directory. */
  displayPath: string;
  text: string;
  findings: Array<Finding & { location: Location }>;
  /** Fixes written to this file by --fix. */
  fixed?: number;
  /** The secrets in `text`: formatters mask them in whatever they print of it. */
  secrets: SecretMask;
}

/** `secrets`: the text's secrets when the caller has them (else they are worked out from the text). */
export function fileReport(filePath: string, displayPath: string, text: string, findings: readonly Finding[], fixed?: number, secrets?: SecretMask): FileReport {
  const index = new LineIndex(text);
  return {
    filePath,
    displayPath,
    text,
    findings: findings.map((f) => ({ ...f, location: index.location(f.range) })),
    ...(fixed ? { fixed } : {}),
    secrets: secrets?.text === text ? secrets : secretMask(text),
  };
}

/** Whether a related place is in another config than the report's own file (the engine located those). */
export function inOtherFile(rel: RelatedInformation, filePath: string): rel is RelatedInformation & { filePath: string } {
  return Boolean(rel.filePath) && rel.filePath !== filePath;
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings with a safe fix. */
  fixable: number;
  /** Findings with only suggestions (applied by --unsafe-fixes). */
  suggestable: number;
  /** Fixes written by --fix, and the number of files they went to. */
  fixed: number;
  fixedFiles: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0, suggestable: 0, fixed: 0, fixedFiles: 0 };
  for (const r of reports) {
    if (r.fixed) {
      t.fixed += r.fixed;
      t.fixedFiles++;
    }
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
