/** Go to definition: from a process name in a `processes` list to its entry in `[processes]`. */
import type { Location } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import { occurrencesOf, processNameAt } from '../fly/process-names.js';

export function definition(file: AnalyzedFile, uri: string, offset: number, index: LineIndex): Location | null {
  const site = processNameAt(file.config, offset);
  if (site?.role !== 'reference') return null;
  // A name defined twice (`[processes]` and `[Processes]`): the one written last.
  const defined = occurrencesOf(file.config, site.name).filter((s) => s.role === 'definition');
  const target = defined[defined.length - 1];
  if (!target) return null;
  return { uri, range: { start: index.positionAt(target.node.start), end: index.positionAt(target.node.end) } };
}
