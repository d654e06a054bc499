/** Reading the files a run is given: the shared reader (regular files only, capped) and error words. */
export { readRegularFile, FileTooLargeError } from '../files/read-file.js';
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
