/** Hover: the key's docs from the schema, the value as flyctl reads it, and the file's environment. */
import type { Hover } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import { subschemaAt } from '../schema/schema-lookup.js';
import { cursorAt } from './cursor.js';
import { durationMs, formatDuration, memoryMb, volumeGb, type DurationUnit } from '../fly/units.js';
import { LineIndex } from '../lint/line-index.js';

/** How flyctl reads a value, where that is not obvious from the text. */
export function describeValue(keyPath: readonly string[], value: unknown, unit: DurationUnit | undefined): string | undefined {
  const key = keyPath[keyPath.length - 1];
  if (unit && (typeof value === 'bigint' || typeof value === 'number')) {
    const ms = durationMs(value, unit);
    const unitWord = { s: 'seconds', ms: 'milliseconds', ns: 'nanoseconds' }[unit];
    return `flyctl reads ${String(value)} as **${formatDuration(ms ?? 0)}** (a bare number here counts ${unitWord}${unit === 'ns' ? ' — write a unit such as "10s"' : ''}).`;
  }
  if (unit && typeof value === 'string') {
    const ms = durationMs(value, unit);
    return ms === undefined ? `"${value}" is not a duration flyctl can read.` : `flyctl reads "${value}" as **${formatDuration(ms)}**.`;
  }
  if (key === 'memory' && (typeof value === 'string' || typeof value === 'bigint' || typeof value === 'number')) {
    const mb = memoryMb(value as string | number);
    return mb === undefined ? undefined : `flyctl reads this as **${mb} MB**.`;
  }
  if (key === 'initial_size' && (typeof value === 'string' || typeof value === 'bigint' || typeof value === 'number')) {
    const gb = volumeGb(value as string | number);
    return gb === undefined ? undefined : `flyctl reads this as **${gb} GB**.`;
  }
  return undefined;
}

export function hover(file: AnalyzedFile, offset: number): Hover | null {
  const cursor = cursorAt(file.doc, offset, file.text);
  const index = new LineIndex(file.text);
  const kv = cursor.keyValue;
  if (!kv || !cursor.keyPath) {
    if (cursor.inHeader && cursor.table?.key) {
      const schema = subschemaAt(cursor.table.key.segments.map((s) => s.name));
      if (schema?.description) return { contents: { kind: 'markdown', value: `**[${cursor.table.key.segments.map((s) => s.name).join('.')}]**\n\n${schema.description}` }, range: { start: index.positionAt(cursor.table.header.start), end: index.positionAt(cursor.table.header.end) } };
    }
    return null;
  }
  const schema = subschemaAt(cursor.keyPath);
  const parts: string[] = [`**${cursor.keyPath.join('.')}**`];
  if (schema?.description) parts.push(String(schema.description));
  if (schema?.deprecationMessage) parts.push(`_Deprecated:_ ${String(schema.deprecationMessage)}`);
  const unit = schema?.['x-flylint-duration'] as DurationUnit | undefined;
  const node = kv.value;
  if (node && node.kind !== 'array' && node.kind !== 'inlineTable' && node.kind !== 'invalid') {
    const read = describeValue(cursor.keyPath, node.kind === 'datetime' ? node.raw : node.value, unit);
    if (read) parts.push(read);
  }
  if (cursor.keyPath.length === 1 && cursor.keyPath[0] === 'app') {
    parts.push(`Environment: **${file.env.name}** (${file.env.reason}).${file.env.isProduction ? ' Production-readiness rules apply.' : ' Production-readiness rules do not apply.'}`);
  }
  if (parts.length === 1) return null;
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: { start: index.positionAt(kv.key.start), end: index.positionAt(kv.key.end) } };
}
