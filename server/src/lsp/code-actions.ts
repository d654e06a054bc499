/** Quick-fixes from a diagnostic's data, "disable for this line", and fix-all. */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { DiagnosticData } from './diagnostics.js';
import type { Finding, Fix } from '../lint/types.js';
import { LineIndex } from '../lint/line-index.js';
import { fixUntilStable } from '../lint/fix-loop.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.flylint`;

function edit(index: LineIndex, fix: Fix): TextEdit {
  return { range: { start: index.positionAt(fix.range[0]), end: index.positionAt(fix.range[1]) }, newText: fix.text };
}

export function quickFixes(uri: string, text: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const index = new LineIndex(text);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'flylint') continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    if (!data) continue;
    if (data.fix) actions.push({ title: `Fix: ${String(diagnostic.message).split(/[.:]/)[0]} (${data.ruleId})`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: [edit(index, data.fix)] } } });
    for (const s of data.suggestions ?? []) actions.push({ title: `${s.desc} (${data.ruleId})`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [edit(index, s.fix)] } } });
    // Suppress on the line above, in the line's indentation.
    const line = diagnostic.range.start.line;
    const lineStart = index.lineStarts[line] ?? 0;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, index.lineEnd(line)))![0];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    actions.push({
      title: `Disable ${data.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# flylint-disable-next-line ${data.ruleId}${eol}` }] } },
    });
  }
  return actions;
}

/** All safe fixes at once, re-linting between passes so overlapping fixes never interleave. */
export function fixAllAction(uri: string, text: string, lint: (text: string) => Finding[]): CodeAction | undefined {
  const result = fixUntilStable(text, lint);
  if (result.text === text) return undefined;
  const index = new LineIndex(text);
  return { title: 'Fix all safe flylint problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: index.positionAt(text.length) }, newText: result.text }] } } };
}
