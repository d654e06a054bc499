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

/** What went wrong with a path, in words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on the device',
    EROFS: 'read-only file system',
    EISDIR: 'it is a directory',
    ENOENT: 'it does not exist',
    ELOOP: 'too many levels of symbolic links',
    ENOTDIR: 'a part of its path is not a directory',
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}
