/**
 * Findings → LSP diagnostics. A diagnostic carries its rule's fix and suggestions in `data`, so
 * code actions are built from the diagnostic alone, with no server state.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import type { Finding, Fix, Suggestion } from '../lint/types.js';
import type { LineIndex } from '../lint/line-index.js';
import { ruleDocsUrl } from '../rule-docs.js';

export const SOURCE = 'flylint';

export interface DiagnosticData {
  ruleId: string;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** The document version the offsets of `fix` and `suggestions` refer to. */
  version?: number;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
const TAG = { deprecated: DiagnosticTag.Deprecated, unnecessary: DiagnosticTag.Unnecessary } as const;

function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

function relatedOf(finding: Finding, index: LineIndex, uri: string): DiagnosticRelatedInformation[] {
  const out: DiagnosticRelatedInformation[] = [];
  for (const r of finding.related ?? []) {
    if (r.filePath && r.filePath !== finding.filePath) {
      // Another file: the engine has turned the offsets into a location in that file's text.
      if (!r.location) continue;
      const l = r.location;
      out.push({ message: r.message, location: { uri: fileUri(r.filePath), range: { start: { line: l.line - 1, character: l.column - 1 }, end: { line: l.endLine - 1, character: l.endColumn - 1 } } } });
    } else {
      out.push({ message: r.message, location: { uri, range: { start: index.positionAt(r.range[0]), end: index.positionAt(r.range[1]) } } });
    }
  }
  return out;
}

export function toDiagnostic(finding: Finding, index: LineIndex, uri: string, version?: number): Diagnostic {
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.suggestions?.length ? { suggestions: finding.suggestions } : {}),
    ...(version !== undefined ? { version } : {}),
  };
  const tags = [...new Set((finding.tags ?? []).map((t) => TAG[t]))];
  const related = relatedOf(finding, index, uri);
  return {
    range: { start: index.positionAt(finding.range[0]), end: index.positionAt(finding.range[1]) },
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
    ...(tags.length ? { tags } : {}),
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}

export function toDiagnostics(findings: readonly Finding[], index: LineIndex, uri: string, version?: number): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, index, uri, version));
}

/** A `.flylint.toml` that cannot be used: its errors as diagnostics on that file. */
export function configDiagnostics(errors: ReadonlyArray<{ message: string; line: number; column: number }>): Diagnostic[] {
  return errors.map((e) => ({
    range: { start: { line: e.line - 1, character: e.column - 1 }, end: { line: e.line - 1, character: e.column - 1 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config-file',
    message: `${e.message}. flylint ignores this file until it is fixed`,
  }));
}
