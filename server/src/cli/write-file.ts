/**
 * Writes a fixed config without ever leaving a truncated one: the new content goes to a
 * temporary file in the same folder (same file system, so the rename is atomic), is flushed to
 * disk, takes the original's mode, and is renamed over the original in one step. A symlink is
 * followed, so the link stays a link and its target gets the new content.
 */
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The steps that can fail midway; tests replace them to simulate a full disk or a failed rename. */
export interface FileSystemOps {
  writeTemp(path: string, content: string, mode: number): void;
  rename(from: string, to: string): void;
}

const realFs: FileSystemOps = {
  writeTemp(path, content, mode) {
    const fd = openSync(path, 'wx', mode);
    try {
      writeSync(fd, content, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: renameSync,
};

export function writeFileAtomic(path: string, content: string, fs: FileSystemOps = realFs): void {
  const target = realpathSync(path);
  const temp = join(dirname(target), `.${basename(target)}.flylint-${process.pid}-${Date.now()}.tmp`);
  const mode = statSync(target).mode & 0o7777;
  try {
    fs.writeTemp(temp, content, mode);
    // The umask may have narrowed the mode given to open.
    chmodSync(temp, mode);
    fs.rename(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
