/** Go to definition: from a process name in a `processes` list to its entry in `[processes]`. */
import type { Location } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import { cursorAt } from './cursor.js';

export function definition(file: AnalyzedFile, uri: string, offset: number, index: LineIndex): Location | null {
  const cursor = cursorAt(file.doc, offset, file.text);
  const path = cursor.keyPath;
  // The top-level `processes` is the legacy list of groups itself, not a reference to them.
  if (!path || path.length < 2 || path[path.length - 1] !== 'processes' || cursor.value?.kind !== 'string') return null;
  const name = cursor.value.value;
  const group = file.config.processes.find((p) => p.name === name);
  if (!group) return null;
  return { uri, range: { start: index.positionAt(group.key.start), end: index.positionAt(group.key.end) } };
}
