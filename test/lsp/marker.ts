/** Documents written with a `|` cursor marker, as vscode-json-languageservice's tests do. */
import { analyze, type AnalyzedFile, type LintOptions } from '../../server/src/lint/engine.js';
import { LineIndex } from '../../server/src/lint/line-index.js';

export interface AtCursor {
  text: string;
  offset: number;
  file: AnalyzedFile;
  index: LineIndex;
  position: { line: number; character: number };
}

export function atCursor(marked: string, filePath = '/project/fly.toml', options: LintOptions = {}): AtCursor {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error(`exactly one | cursor marker expected in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const index = new LineIndex(text);
  return { text, offset, file: analyze(text, filePath, options), index, position: index.positionAt(offset) };
}
