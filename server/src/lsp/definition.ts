/** Go to definition: from a process name in a `processes` list to its `[processes]` entry. */
import type { Location } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import { cursorAt } from './cursor.js';
import { LineIndex } from '../lint/line-index.js';

export function definition(file: AnalyzedFile, uri: string, offset: number): Location | null {
  const cursor = cursorAt(file.doc, offset, file.text);
  if (cursor.keyPath?.[cursor.keyPath.length - 1] !== 'processes' || cursor.value?.kind !== 'string') return null;
  const name = cursor.value.value;
  const group = file.config.processes.find((p) => p.name === name);
  if (!group) return null;
  const index = new LineIndex(file.text);
  return { uri, range: { start: index.positionAt(group.key.start), end: index.positionAt(group.key.end) } };
}
