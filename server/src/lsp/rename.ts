/**
 * Rename of process-group names: from the key in `[processes]` or any `processes` list naming it,
 * every place that writes the name changes together (the core's renameProcess).
 */
import { LSPErrorCodes, ResponseError, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import { isDefinedProcess, processNameAt } from '../fly/process-names.js';
import { renameProcess } from '../fly/rename-process.js';

function refused(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/** The name under the cursor without its quotes, when the text writes it plainly. */
function nameRange(file: AnalyzedFile, index: LineIndex, node: { start: number; end: number }, name: string): Range {
  const raw = file.text.slice(node.start, node.end);
  const quote = /^("""|'''|"|')/.exec(raw)?.[0] ?? '';
  const inner = raw.slice(quote.length, raw.length - quote.length);
  const [start, end] = inner === name ? [node.start + quote.length, node.end - quote.length] : [node.start, node.end];
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

export function prepareRename(file: AnalyzedFile, index: LineIndex, offset: number): { range: Range; placeholder: string } | ResponseError<void> | null {
  const site = processNameAt(file.config, offset);
  if (!site) return null;
  if (!isDefinedProcess(file.config, site.name)) return refused(`No process group "${site.name}" is defined in [processes]: only a defined group can be renamed`);
  return { range: nameRange(file, index, site.node, site.name), placeholder: site.name };
}

export function rename(file: AnalyzedFile, index: LineIndex, uri: string, offset: number, newName: string): WorkspaceEdit | ResponseError<void> | null {
  const site = processNameAt(file.config, offset);
  if (!site) return null;
  const result = renameProcess(file.config, site.name, newName);
  if (!result.ok) return refused(result.error);
  return { changes: { [uri]: result.edits.map((e) => ({ range: { start: index.positionAt(e.range[0]), end: index.positionAt(e.range[1]) }, newText: e.text })) } };
}
