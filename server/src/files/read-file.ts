/**
 * Reading files the user did not write: both front ends (CLI and language server) read configs
 * through here. Only a regular file is read, never more than a cap: a config that is a link to
 * `/dev/zero` would otherwise be read until memory runs out, one to `/dev/stdin` would block on
 * the process's own input, and a named pipe would hang. The cap is enforced on the bytes read,
 * not on the size fstat reports (0 for `/proc` files and devices).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** A `.flylint.toml` or a sibling config read from disk: far beyond any real one. */
export const MAX_CONFIG_BYTES = 1_000_000;

export class FileTooLargeError extends Error {
  readonly code = 'EFBIG';
  constructor(readonly maxBytes: number) {
    super(`it is larger than ${maxBytes} bytes`);
  }
}

/**
 * Reads a regular file of at most `maxBytes`. O_NONBLOCK lets the open of a pipe return before
 * fstat refuses it; it changes nothing for a regular file. O_NOCTTY keeps a terminal named as a
 * config from becoming the process's controlling terminal.
 */
export function readRegularFile(filePath: string, maxBytes = Number.MAX_SAFE_INTEGER): Buffer {
  const fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!stats.isFile()) throw new Error(`it is ${fileKind(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new FileTooLargeError(maxBytes);
    return readAtMost(fd, maxBytes, stats.size);
  } finally {
    closeSync(fd);
  }
}

function readAtMost(fd: number, maxBytes: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.min(Math.max(expected + 1, 64 * 1024), maxBytes + 1));
  let filled = 0;
  for (;;) {
    const n = readSync(fd, chunk, filled, chunk.length - filled, null);
    if (n === 0) break;
    filled += n;
    total += n;
    if (total > maxBytes) throw new FileTooLargeError(maxBytes);
    if (filled === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(Math.min(chunk.length * 2, 16 * 1024 * 1024));
      filled = 0;
    }
  }
  chunks.push(chunk.subarray(0, filled));
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return stats.isSocket() ? 'a socket' : 'a special file';
}
