/** Reading the files a run is given. */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/**
 * Reads a regular file only: a named pipe or a device (`/dev/zero`) named on the command line
 * would otherwise hang the run. O_NONBLOCK lets the open of a pipe return before fstat refuses it;
 * it changes nothing for a regular file.
 */
export function readRegularFile(filePath: string): Buffer {
  const fd = openSync(filePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!stats.isFile()) throw new Error(`it is ${fileKind(stats)}, not a regular file`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return stats.isSocket() ? 'a socket' : 'a special file';
}
