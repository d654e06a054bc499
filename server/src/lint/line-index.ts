/**
 * Offsets ↔ line/column, computed once per text. Columns count UTF-16 code units (as LSP and
 * ESLint do), which is what JavaScript string indices already are.
 */
import type { Location, OffsetRange } from './types.js';

export interface Position {
  /** 0-based. */
  line: number;
  /** 0-based, UTF-16 code units. */
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. `\r\n`, `\n` and a lone `\r` end a line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const next = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), next));
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    const nextStart = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = nextStart;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** 1-based ESLint-style location of a range. */
  location(range: OffsetRange): Location {
    const start = this.positionAt(range[0]);
    const end = this.positionAt(range[1]);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}
