/**
 * A guard in front of the JSON-RPC reader: it passes through well-framed messages and, after a
 * broken header or a wrong Content-Length, skips to the next `Content-Length:` header instead of
 * letting one bad frame wedge the connection for good.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^content-length$/i;
/** A header larger than this is not a header: resynchronise. */
const MAX_HEADER = 8 * 1024;

export class FrameGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER) this.resync(1);
        break;
      }
      const length = parseHeaders(this.buffer.subarray(0, end).toString('ascii'));
      if (length === undefined) {
        this.resync(1);
        continue;
      }
      const total = end + HEADER_END.length + length;
      if (this.buffer.length < total) break;
      this.push(this.buffer.subarray(0, total));
      this.buffer = this.buffer.subarray(total);
    }
    done();
  }

  /** Drops bytes up to the next `Content-Length:` at or after `from`. */
  private resync(from: number): void {
    const text = this.buffer.toString('latin1');
    const next = text.slice(from).search(/Content-Length:/i);
    this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(from + next);
  }
}

/** The body length a header block announces, or undefined when it is not a valid header block. */
function parseHeaders(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (CONTENT_LENGTH.test(line.slice(0, colon).trim())) {
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,9}$/.test(value)) return undefined;
      length = Number(value);
    }
  }
  return length;
}
