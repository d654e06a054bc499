/**
 * Reads a config as text without hiding bytes that are not UTF-8: decoding would silently turn
 * them into U+FFFD, and writing fixes back would then destroy them. The caller learns where the
 * first bad byte is, reports it, and leaves the file alone.
 */
import { isUtf8 } from 'node:buffer';

export interface DecodedSource {
  /** The text, a byte-order mark kept (offsets and fixes count it). */
  text: string;
  /** Offset in `text` of the first byte that is not UTF-8, if any. */
  invalidUtf8At?: number;
  invalidByte?: number;
}

const REPLACEMENT = 0xfffd;

export function decodeSource(bytes: Uint8Array): DecodedSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('utf8');
  if (isUtf8(buffer)) return { text };
  // Every valid character before the first bad byte decodes to itself, so byte lengths line up.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== REPLACEMENT) continue;
    const at = Buffer.byteLength(text.slice(0, i), 'utf8');
    const isRealReplacementChar = buffer[at] === 0xef && buffer[at + 1] === 0xbf && buffer[at + 2] === 0xbd;
    if (!isRealReplacementChar) return { text, invalidUtf8At: i, invalidByte: buffer[at]! };
  }
  return { text, invalidUtf8At: 0 };
}
