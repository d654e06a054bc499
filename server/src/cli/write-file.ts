/**
 * Writes a fixed config without ever leaving a truncated one: the new content goes to a
 * temporary file in the same folder (same file system), takes the original's mode, and is
 * renamed over the original in one step.
 */
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileSystemOps {
  writeFileSync: typeof writeFileSync;
  renameSync: typeof renameSync;
}

const realFs: FileSystemOps = { writeFileSync, renameSync };

export function writeFileAtomic(path: string, content: string, fs: FileSystemOps = realFs): void {
  const temp = join(dirname(path), `.${basename(path)}.flylint-${process.pid}-${Date.now()}.tmp`);
  const mode = statSync(path).mode & 0o7777;
  try {
    fs.writeFileSync(temp, content, { mode });
    chmodSync(temp, mode);
    fs.renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
    throw error;
  }
}
