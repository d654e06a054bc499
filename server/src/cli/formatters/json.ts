/** ESLint's JSON formatter shape (CONTRACTS.md): severity 2 error, 1 warning, 0 info. */
import { inOtherFile, type FileReport } from '../report.js';
import type { Location, RelatedInformation } from '../../lint/types.js';
import { LineIndex } from '../../lint/line-index.js';
import { safeJson } from './escape.js';

const SEVERITY = { error: 2, warning: 1, info: 0 } as const;

/**
 * The places a finding points back at (the first definition of a duplicate key, the other config
 * of a shared app name), as SARIF's related locations and the stylish notes give them. ESLint's
 * shape has no such field; its consumers ignore it.
 */
function relatedOf(rel: RelatedInformation, report: FileReport, index: () => LineIndex) {
  const elsewhere = inOtherFile(rel, report.filePath);
  const at: Location | undefined = elsewhere ? rel.location : index().location(rel.range);
  return {
    message: rel.message,
    ...(elsewhere ? { filePath: rel.filePath } : {}),
    ...(at ? { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn } : {}),
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  return safeJson(JSON.stringify(
    reports.map((r) => {
      let lines: LineIndex | undefined;
      const index = () => (lines ??= new LineIndex(r.text));
      const messages = r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: SEVERITY[f.severity],
        message: f.message,
        line: f.location.line,
        column: f.location.column,
        endLine: f.location.endLine,
        endColumn: f.location.endColumn,
        // A fix that would write a secret out is left out: the report is printed, the file is not.
        ...(f.fix && !r.secrets.reveals(f.fix.text) ? { fix: f.fix } : {}),
        ...(f.suggestions?.some((s) => !r.secrets.reveals(s.fix.text)) ? { suggestions: f.suggestions.filter((s) => !r.secrets.reveals(s.fix.text)) } : {}),
        ...(f.related?.length ? { related: f.related.map((rel) => relatedOf(rel, r, index)) } : {}),
      }));
      return {
        filePath: r.filePath,
        messages,
        errorCount: r.findings.filter((f) => f.severity === 'error').length,
        warningCount: r.findings.filter((f) => f.severity === 'warning').length,
        fixableErrorCount: r.findings.filter((f) => f.severity === 'error' && f.fix).length,
        fixableWarningCount: r.findings.filter((f) => f.severity === 'warning' && f.fix).length,
        // The source is left out when it holds a secret, whatever was reported: JSON reports end up in CI logs.
        ...(messages.length && r.secrets.isEmpty ? { source: r.text } : {}),
      };
    }),
  )) + '\n';
}
