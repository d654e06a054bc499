/**
 * Document links on the files a config names (`[build] dockerfile`, `[build] ignorefile`,
 * `[[files]] local_path`), resolved as flyctl resolves them (server/src/project/named-files.ts).
 * A link is made only to a file that exists; it spans the path inside the quotes.
 */
import type { DocumentLink } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import type { ProjectView } from '../project/project-view.js';
import { namedFiles } from '../project/named-files.js';

const KEYS = { dockerfile: '[build] dockerfile', ignorefile: '[build] ignorefile', local_path: '[[files]] local_path' } as const;

export function documentLinks(file: AnalyzedFile, view: ProjectView, index: LineIndex, uriOf: (path: string) => string): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const named of namedFiles(file.config, view.configPath)) {
    const target = named.candidates.find((path) => view.kind(path) === 'file');
    if (target === undefined) continue;
    const { start, end } = named.field.node;
    const opening = file.text.startsWith('"""', start) || file.text.startsWith("'''", start) ? 3 : 1;
    links.push({
      range: { start: index.positionAt(start + opening), end: index.positionAt(end - opening) },
      target: uriOf(target),
      tooltip: `${KEYS[named.role]}: ${target}`,
    });
  }
  return links;
}
