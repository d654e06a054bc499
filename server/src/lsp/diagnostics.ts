/** Findings → LSP diagnostics. Fixes ride along in `data`, so code actions need no server state. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../lint/types.js';
import { LineIndex } from '../lint/line-index.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { pathToFileURL } from 'node:url';

export interface DiagnosticData {
  ruleId: string;
  fix?: Finding['fix'];
  suggestions?: Finding['suggestions'];
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostics(findings: readonly Finding[], index: LineIndex, uri: string): Diagnostic[] {
  return findings.map((f) => {
    const range = { start: index.positionAt(f.range[0]), end: index.positionAt(f.range[1]) };
    const data: DiagnosticData = { ruleId: f.ruleId, ...(f.fix ? { fix: f.fix } : {}), ...(f.suggestions ? { suggestions: f.suggestions } : {}) };
    const tags = (f.tags ?? []).map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
    const related = (f.related ?? []).flatMap((r) => {
      if (r.filePath && r.location) {
        const l = r.location;
        return [{ message: r.message, location: { uri: pathToFileURL(r.filePath).href, range: { start: { line: l.line - 1, character: l.column - 1 }, end: { line: l.endLine - 1, character: l.endColumn - 1 } } } }];
      }
      if (r.filePath) return [];
      return [{ message: r.message, location: { uri, range: { start: index.positionAt(r.range[0]), end: index.positionAt(r.range[1]) } } }];
    });
    return {
      range,
      severity: SEVERITY[f.severity],
      source: 'flylint',
      code: f.ruleId,
      codeDescription: { href: ruleDocsUrl(f.ruleId) },
      message: f.message,
      ...(tags.length ? { tags } : {}),
      ...(related.length ? { relatedInformation: related } : {}),
      data,
    };
  });
}
