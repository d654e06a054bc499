/** ESLint's JSON formatter shape (CONTRACTS.md): severity 2 error, 1 warning, 0 info. */
import type { FileReport } from '../report.js';

const SEVERITY = { error: 2, warning: 1, info: 0 } as const;

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => {
      const messages = r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: SEVERITY[f.severity],
        message: f.message,
        line: f.location.line,
        column: f.location.column,
        endLine: f.location.endLine,
        endColumn: f.location.endColumn,
        ...(f.fix ? { fix: f.fix } : {}),
        ...(f.suggestions?.length ? { suggestions: f.suggestions } : {}),
      }));
      return {
        filePath: r.filePath,
        messages,
        errorCount: r.findings.filter((f) => f.severity === 'error').length,
        warningCount: r.findings.filter((f) => f.severity === 'warning').length,
        fixableErrorCount: r.findings.filter((f) => f.severity === 'error' && f.fix).length,
        fixableWarningCount: r.findings.filter((f) => f.severity === 'warning' && f.fix).length,
        // The source is left out when it holds a detected secret: JSON reports end up in CI logs.
        ...(messages.length && !r.findings.some((f) => f.ruleId === 'secret-in-env') ? { source: r.text } : {}),
      };
    }),
  ) + '\n';
}
