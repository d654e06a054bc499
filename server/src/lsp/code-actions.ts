/**
 * Code actions, built from what a diagnostic carries: its safe fix (preferred), its suggestions,
 * "Disable <rule> for this line", and the file-wide `source.fixAll.flylint`. The server passes
 * the diagnostics of its own lint of the current text (diagnosticsFor), not the client's copies.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { DocumentNode } from '../toml/ast.js';
import type { Finding, Fix } from '../lint/types.js';
import { LineIndex } from '../lint/line-index.js';
import { fixUntilStable } from '../lint/fix-loop.js';
import { SOURCE, type DiagnosticData } from './diagnostics.js';
import { describeFix } from '../lint/fix-title.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.flylint`;

export interface ActionDocument {
  uri: string;
  text: string;
  /** Current version: a diagnostic computed for another version has stale offsets. */
  version?: number;
  /** The parsed document, to keep a suppression comment out of a multi-line string. */
  doc?: DocumentNode;
}

function textEdit(index: LineIndex, fix: Fix): TextEdit {
  return { range: { start: index.positionAt(fix.range[0]), end: index.positionAt(fix.range[1]) }, newText: fix.text };
}

export { describeFix };

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || typeof data?.ruleId !== 'string') return undefined;
  return data as DiagnosticData;
}

function validFix(fix: unknown, length: number): fix is Fix {
  const f = fix as Fix | undefined;
  return !!f && Array.isArray(f.range) && typeof f.text === 'string' && Number.isInteger(f.range[0]) && Number.isInteger(f.range[1]) && f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= length;
}

/** Where a line's content starts, and whether a comment may go above it (not inside a multi-line string). */
function suppressionEdit(document: ActionDocument, index: LineIndex, line: number, ruleId: string): TextEdit | undefined {
  const lineStart = index.lineStarts[line];
  if (lineStart === undefined) return undefined;
  const inString = document.doc?.tokenList.some((t) => (t.kind === 'mlBasicString' || t.kind === 'mlLiteralString') && t.start < lineStart && lineStart < t.end);
  if (inString) return undefined;
  const eol = document.doc?.lineEnding ?? (document.text.includes('\r\n') ? '\r\n' : '\n');
  const indent = /^[ \t]*/.exec(document.text.slice(lineStart, index.lineEnd(line)))![0];
  // Extend an existing `# flylint-disable-next-line …` on the line above rather than stacking a second one.
  if (line > 0) {
    const above = document.text.slice(index.lineStarts[line - 1]!, index.lineEnd(line - 1));
    const existing = /^([ \t]*#\s*flylint-disable-next-line\s+)([^-\s][^]*?)(\s*--.*)?$/.exec(above);
    if (existing) {
      const ids = existing[2]!.split(/[\s,]+/).filter(Boolean);
      if (ids.includes(ruleId)) return undefined;
      const start = index.lineStarts[line - 1]! + existing[1]!.length;
      const end = start + existing[2]!.length;
      return { range: { start: index.positionAt(start), end: index.positionAt(end) }, newText: [...ids, ruleId].join(', ') };
    }
  }
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# flylint-disable-next-line ${ruleId}${eol}` };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/**
 * The diagnostics of the current version a code-action request is about: those touching its
 * range, and those of a line the client sent a flylint diagnostic of the same rule for (Neovim
 * sends the cursor's position with the diagnostics of its whole line). What the client sends may
 * be stale (asked right after an edit, before the new diagnostics arrive) or missing: its offsets
 * are never used, the current lint's are.
 */
export function diagnosticsFor(current: readonly Diagnostic[], range: Range, sent: readonly Diagnostic[]): Diagnostic[] {
  const sentLines = new Set(sent.filter((d) => d?.source === SOURCE && typeof d.range?.start?.line === 'number').map((d) => `${d.range.start.line}:${String(d.code)}`));
  return current.filter((d) => (before(d.range.start, range.end) && before(range.start, d.range.end)) || sentLines.has(`${d.range.start.line}:${String(d.code)}`));
}

export function quickFixes(document: ActionDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const index = new LineIndex(document.text);
  const fixes: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const seenDisables = new Set<string>();
  for (const diagnostic of diagnostics) {
    const data = dataOf(diagnostic);
    if (!data) continue;
    const fresh = data.version === undefined || document.version === undefined || data.version === document.version;
    const change = (fix: Fix) => ({ changes: { [document.uri]: [textEdit(index, fix)] } });
    if (fresh && validFix(data.fix, document.text.length)) {
      // The title says what the edit does and reads on its own: the diagnostic it fixes names the
      // rule, and `Replace 5 with "5s" (deprecated)` would read as if the fix were deprecated.
      fixes.push({ title: describeFix(document.text, data.fix), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: change(data.fix) });
    }
    for (const suggestion of fresh ? data.suggestions ?? [] : []) {
      if (!validFix(suggestion?.fix, document.text.length)) continue;
      fixes.push({ title: typeof suggestion.desc === 'string' ? suggestion.desc : describeFix(document.text, suggestion.fix), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: false, edit: change(suggestion.fix) });
    }
    if (data.ruleId === 'unused-suppression' || data.ruleId === 'internal-error') continue;
    const line = diagnostic.range?.start?.line;
    if (typeof line !== 'number' || seenDisables.has(`${line}:${data.ruleId}`)) continue;
    seenDisables.add(`${line}:${data.ruleId}`);
    const edit = suppressionEdit(document, index, line, data.ruleId);
    if (edit) disables.push({ title: `Disable ${data.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [edit] } } });
  }
  return [...fixes, ...disables];
}

/** One edit covering only what changed between two texts, so the rest of the editor's state (cursor, folds) stays put. */
export function minimalEdit(before: string, after: string, index: LineIndex = new LineIndex(before)): TextEdit {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  while (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { range: { start: index.positionAt(start), end: index.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Every safe fix of the file at once. The fix loop re-lints between passes, so overlapping fixes
 * are applied one after the other and never interleave; a pass that would break the TOML is dropped.
 */
export function fixAllAction(document: ActionDocument, lint: (text: string) => Finding[]): CodeAction | undefined {
  const result = fixUntilStable(document.text, lint);
  if (result.text === document.text) return undefined;
  return {
    title: `Fix all safe flylint problems (${result.applied})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: [minimalEdit(document.text, result.text)] } },
  };
}
