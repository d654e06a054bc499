/**
 * The LSP base protocol, read by one parser only: what a frame is is decided here and nowhere
 * else. (A filter in front of the library's reader, each with its own idea of a header, let
 * `Content-Length : 5` through the one and wedge the other for good.)
 *
 * A frame is header lines `Name: value` ending in an empty line, then exactly Content-Length
 * bytes of body. A header block that breaks the rules is skipped up to the next
 * `Content-Length:`; the stream recovers and the next well-formed frame is served. The work is
 * linear in the bytes received: body chunks are kept as they come and joined once, header search
 * resumes where it stopped, and a body larger than the cap is skipped without being kept.
 */

/** No real header block comes near this; beyond it the bytes are not a header. */
export const MAX_HEADER_BYTES = 8 * 1024;
/**
 * The largest message accepted. The biggest message a client sends is a whole document
 * (didOpen, a full-text didChange): a 1 MB fly.toml is already far beyond any real one (the
 * largest in the corpus is a few kilobytes), and JSON escaping can at most sextuple it. 64 MB
 * leaves room for any real document while refusing the hundreds of megabytes that would hold
 * the server busy and its memory high.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const CONTENT_LENGTH = Buffer.from('content-length:');
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export type FrameEvent = { kind: 'message'; body: Buffer } | { kind: 'problem'; message: string };

/** Feeds on chunks of the input stream and yields complete frame bodies and framing problems. */
export class FrameParser {
  /** Header bytes received but not yet understood (bounded by MAX_HEADER_BYTES plus one chunk). */
  private header: Buffer = Buffer.alloc(0);
  /** Where the search for the end of the header resumes. */
  private searchedTo = 0;
  /** Body bytes still expected, and whether they are kept or dropped (too large). */
  private bodyLeft = -1;
  private bodyKept = true;
  private bodyChunks: Buffer[] = [];

  constructor(private readonly maxMessageBytes = MAX_MESSAGE_BYTES) {}

  push(chunk: Buffer, emit: (event: FrameEvent) => void): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.bodyLeft >= 0) {
        const take = Math.min(this.bodyLeft, data.length);
        if (this.bodyKept) this.bodyChunks.push(data.subarray(0, take));
        this.bodyLeft -= take;
        data = data.subarray(take);
        if (this.bodyLeft === 0) this.endBody(emit);
        continue;
      }
      this.header = this.header.length ? Buffer.concat([this.header, data]) : data;
      data = Buffer.alloc(0);
      data = this.readHeader(emit);
    }
  }

  /** Reads header blocks from `this.header`; returns the bytes after a header that starts a body. */
  private readHeader(emit: (event: FrameEvent) => void): Buffer {
    for (;;) {
      const end = this.header.indexOf('\r\n\r\n', Math.max(0, this.searchedTo - 3), 'latin1');
      if (end < 0) {
        this.searchedTo = this.header.length;
        if (this.header.length > MAX_HEADER_BYTES) {
          emit({ kind: 'problem', message: `a header of more than ${MAX_HEADER_BYTES} bytes without an end was skipped` });
          if (this.resync()) continue;
        }
        return Buffer.alloc(0);
      }
      const verdict = end > MAX_HEADER_BYTES ? `a header of more than ${MAX_HEADER_BYTES} bytes` : contentLength(this.header.subarray(0, end).toString('latin1'));
      if (typeof verdict === 'string') {
        emit({ kind: 'problem', message: `a frame with ${verdict} was skipped` });
        if (this.resync()) continue;
        return Buffer.alloc(0);
      }
      const rest = this.header.subarray(end + 4);
      this.header = Buffer.alloc(0);
      this.searchedTo = 0;
      this.bodyLeft = verdict;
      this.bodyKept = verdict <= this.maxMessageBytes;
      if (!this.bodyKept) emit({ kind: 'problem', message: `a message of ${verdict} bytes was skipped: messages are limited to ${this.maxMessageBytes} bytes` });
      if (verdict === 0) this.endBody(emit);
      return rest;
    }
  }

  private endBody(emit: (event: FrameEvent) => void): void {
    const chunks = this.bodyChunks;
    const kept = this.bodyKept;
    this.bodyChunks = [];
    this.bodyLeft = -1;
    this.bodyKept = true;
    if (kept) emit({ kind: 'message', body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
  }

  /**
   * Drops bytes up to the next `Content-Length:` after the start of the current header; true when
   * one was found. Otherwise only a tail that may begin one is kept, and the search for the end of
   * a header resumes after it, so no byte is judged twice.
   */
  private resync(): boolean {
    const at = indexOfIgnoringCase(this.header, CONTENT_LENGTH, 1);
    if (at >= 0) {
      this.header = this.header.subarray(at);
      this.searchedTo = 0;
      return true;
    }
    const keep = Math.min(this.header.length - 1, CONTENT_LENGTH.length - 1);
    this.header = Buffer.from(this.header.subarray(this.header.length - keep));
    this.searchedTo = this.header.length;
    return false;
  }
}

/** The body length a header block announces, or why the block is not a valid header. */
export function contentLength(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return 'a header line without ":"';
    const name = line.slice(0, colon);
    if (!TOKEN.test(name)) return 'an invalid header name';
    const value = trimSpaces(line.slice(colon + 1));
    if (name.toLowerCase() !== 'content-length') continue;
    if (!/^[0-9]{1,15}$/.test(value)) return 'a Content-Length that is not a number';
    const n = Number(value);
    if (length !== undefined && length !== n) return 'two different Content-Length headers';
    length = n;
  }
  return length ?? 'no Content-Length header';
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(start, end);
}

/** `needle` (lower case ASCII) in `haystack`, ignoring ASCII case, from `from`: linear. */
function indexOfIgnoringCase(haystack: Buffer, needle: Buffer, from: number): number {
  const first = needle[0]!;
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    if ((haystack[i]! | 0x20) !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      const c = haystack[i + j]!;
      const lowered = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
      if (lowered !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}
