/**
 * Inlay hints where flyctl reads a value otherwise than it looks: `kill_timeout = 5` is `5s`, a
 * bare check interval in `[[http_service.checks]]` counts nanoseconds (`10000` is `10µs`),
 * `memory = 1024` is `1 GB`, `auto_stop_machines = true` is `"stop"`. What flyctl reads comes from
 * the core's describeValueAt, as hover's "flyctl reads this as" does; a value that already reads
 * as flyctl reads it (`"5s"`, `"1gb"`) gets no hint.
 */
import type { InlayHint } from 'vscode-languageserver';
import type { AnalyzedFile } from '../lint/engine.js';
import type { LineIndex } from '../lint/line-index.js';
import type { KeyValueNode, ValueNode } from '../toml/ast.js';
import { describeValueAt, mayHaveShortForm } from '../fly/describe.js';

const MAX_DEPTH = 64;

/** The hints for the values between two offsets. */
export function inlayHints(file: AnalyzedFile, index: LineIndex, from: number, to: number): InlayHint[] {
  const out: InlayHint[] = [];
  /** The key path of the value being read: one array, grown and shrunk along the walk. */
  const path: string[] = [];
  const value = (node: ValueNode | null, depth: number): void => {
    if (!node || depth > MAX_DEPTH || node.end < from || node.start > to) return;
    if (node.kind === 'inlineTable') {
      for (const entry of node.entries) keyValue(entry, depth + 1);
      return;
    }
    if (node.kind === 'array') {
      // Array indices are not part of a key path: `vm = [{ memory = 1024 }]` is `vm.memory`.
      for (const item of node.items) if (item.kind === 'inlineTable') value(item, depth + 1);
      return;
    }
    if (!mayHaveShortForm(node)) return;
    const reading = describeValueAt(path, node);
    if (!reading?.short) return;
    out.push({
      position: index.positionAt(node.end),
      label: reading.short,
      paddingLeft: true,
      tooltip: `flyctl reads this as ${reading.text}`,
    });
  };
  const keyValue = (kv: KeyValueNode, depth: number) => {
    if (kv.end < from || kv.start > to) return;
    const segments = kv.key.segments;
    for (const segment of segments) path.push(segment.name);
    value(kv.value, depth);
    path.length -= segments.length;
  };
  for (const kv of file.doc.body) keyValue(kv, 0);
  for (const table of file.doc.tables) {
    if (table.end < from) continue;
    if (table.start > to) break;
    // Under a header that could not be read, the keys' place is unknown.
    if (!table.key) continue;
    path.length = 0;
    for (const segment of table.key.segments) path.push(segment.name);
    for (const kv of table.body) keyValue(kv, 0);
  }
  return out;
}
