/**
 * Hover: a key's documentation from the schema (with its Fly.io docs link), the value as flyctl
 * reads it (`kill_timeout = 5` is 5 seconds, a bare number in `[[http_service.checks]]` is
 * nanoseconds), a process name's command, and on `app` or the first line the file's environment
 * and why.
 */
import { MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { SecretMask } from '../lint/secret-mask.js';
import type { LineIndex } from '../lint/line-index.js';
import type { ValueNode } from '../toml/ast.js';
import { describeValueAt } from '../fly/describe.js';
import { cursorAt, names } from './cursor.js';
import { markupFor, type DocumentationFormat } from './markup.js';
import { deprecationOf, descriptionOf, subschemaAt, typeLabel } from './schema-view.js';

function environmentSection(file: AnalyzedFile): string {
  const env = file.env;
  const effect = env.isProduction ? 'The production-readiness rules apply.' : 'The production-readiness rules do not apply.';
  return `**Environment:** ${env.name} — from ${env.reason}. ${effect}`;
}

function readingSection(keyPath: readonly string[], node: ValueNode): string | undefined {
  if (node.kind === 'invalid' || node.kind === 'inlineTable') return undefined;
  const reading = describeValueAt(keyPath, node);
  if (!reading) return undefined;
  return reading.ok ? `**flyctl reads this as** ${reading.text}.` : `**flyctl cannot use this:** ${reading.text}.`;
}

function markdown(parts: readonly string[]): MarkupContent {
  return { kind: 'markdown', value: parts.join('\n\n') };
}

/**
 * `secrets`: what of the file no hover may quote (secret-mask.ts); `format`: what the client
 * renders (markup.ts), plain text unless it lists markdown.
 */
export function hover(file: AnalyzedFile, offset: number, index: LineIndex, secrets: SecretMask, format: DocumentationFormat = MarkupKind.Markdown): Hover | null {
  const shown = hoverOf(file, offset, index);
  if (!shown) return null;
  const contents = markupFor((shown.contents as MarkupContent).value, format);
  // Masked last: the plain text is what the client shows.
  return { ...shown, contents: secrets.isEmpty ? contents : { ...contents, value: secrets.message(contents.value, [offset, offset]) } };
}

function hoverOf(file: AnalyzedFile, offset: number, index: LineIndex): Hover | null {
  const cursor = cursorAt(file.doc, offset, file.text);
  const onFirstLine = index.positionAt(offset).line === 0;
  const range = (node: { start: number; end: number }) => ({ start: index.positionAt(node.start), end: index.positionAt(node.end) });

  if (cursor.inHeader && cursor.table) {
    const path = names(cursor.table.key);
    const description = descriptionOf(subschemaAt(path));
    if (!description) return null;
    return { contents: markdown([`**[${path.join('.')}]**`, description]), range: range(cursor.table.header) };
  }

  const kv = cursor.keyValue;
  const keyPath = cursor.keyPath;
  if (!kv || !keyPath) return onFirstLine ? { contents: markdown([environmentSection(file)]) } : null;

  const parts: string[] = [];
  const schema = subschemaAt(keyPath);
  const label = typeLabel(schema);
  parts.push(`**${keyPath.join('.')}**${label ? ` — ${label}` : ''}`);
  const description = descriptionOf(schema);
  if (description) parts.push(description);
  const deprecation = deprecationOf(schema);
  if (deprecation) parts.push(`**Deprecated:** ${deprecation}`);

  // The item under the cursor in a list, else the whole value.
  const value = cursor.value && cursor.value.kind !== 'array' ? cursor.value : kv.value;
  const isProcessList = keyPath[keyPath.length - 1] === 'processes' && keyPath.length > 1;
  if (value && isProcessList && value.kind === 'string') {
    const group = file.config.processes.find((p) => p.name === value.value);
    parts.push(group ? `Process group \`${group.name}\` runs \`${group.command?.value || "the image's CMD"}\`.` : `\`${value.value}\` is not a group of [processes].`);
  } else if (value) {
    const reading = readingSection(keyPath, value);
    if (reading) parts.push(reading);
  }

  if ((keyPath.length === 1 && keyPath[0] === 'app') || onFirstLine) parts.push(environmentSection(file));
  if (parts.length === 1 && !description) return null;
  const target = cursor.onKey ? kv.key : cursor.value && cursor.value.kind !== 'array' ? cursor.value : kv;
  return { contents: markdown(parts), range: range(target) };
}
