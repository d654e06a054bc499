/** References and document highlights of a process-group name: its definition and every list naming it. */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import { occurrencesOf, processNameAt, type ProcessNameSite } from '../fly/process-names.js';

function sitesAt(file: AnalyzedFile, offset: number): ProcessNameSite[] {
  const site = processNameAt(file.config, offset);
  return site ? occurrencesOf(file.config, site.name) : [];
}

export function references(file: AnalyzedFile, index: LineIndex, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  return sitesAt(file, offset)
    .filter((s) => includeDeclaration || s.role === 'reference')
    .map((s) => ({ uri, range: { start: index.positionAt(s.node.start), end: index.positionAt(s.node.end) } }));
}

export function documentHighlights(file: AnalyzedFile, index: LineIndex, offset: number): DocumentHighlight[] {
  return sitesAt(file, offset).map((s) => ({
    range: { start: index.positionAt(s.node.start), end: index.positionAt(s.node.end) },
    kind: s.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
