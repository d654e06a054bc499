/**
 * Writes a fixed config without ever leaving a truncated one. Normally the new content goes to a
 * temporary file in the same folder (same file system, so the rename is atomic), is flushed to
 * disk, takes the original's owner and mode, and is renamed over the original in one step. A
 * symlink is followed, so the link stays a link and its target gets the new content.
 *
 * A new file is not always a faithful copy, so the file is rewritten in place instead when it has
 * other hard links (a new inode would split them), when the folder does not let us create or
 * rename the temporary file, and when we may not give it the original's owner (only root can
 * chown). In place, the whole new content is written over the old and only then cut to its
 * length; if that write fails (a full disk), the original bytes are put back.
 */
import {
  accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync,
  readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** The steps that can fail midway; tests replace them to simulate a full disk or a failed rename. */
export interface FileSystemOps {
  writeTemp(path: string, content: string, original: Stats): void;
  rename(from: string, to: string): void;
  /** Writes all of `bytes` at offset 0 of an open file (the in-place write). */
  overwrite(fd: number, bytes: Uint8Array): void;
}

function overwrite(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, done);
}

const realFs: FileSystemOps = {
  writeTemp(path, content, original) {
    const fd = openSync(path, 'wx', 0o600);
    try {
      const own = fstatSync(fd);
      // EPERM for anyone but root when the owner differs: the caller then writes in place.
      if (own.uid !== original.uid || own.gid !== original.gid) fchownSync(fd, original.uid, original.gid);
      // After the chown, which clears setuid/setgid; the mode given to open was narrowed by the umask.
      fchmodSync(fd, original.mode & 0o7777);
      overwrite(fd, Buffer.from(content, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: renameSync,
  overwrite,
};

/** The file is no longer the text the fixes were computed from: writing would lose the other change. */
export class ChangedOnDiskError extends Error {
  readonly code = 'ECHANGED';
  constructor() {
    super('it changed on disk while flylint was fixing it; run flylint --fix again');
  }
}

/**
 * `expected`: the text the fixes were computed from. The file is re-read and compared with it
 * under the lock and once more right before the new file replaces it: an editor that saved in
 * the meantime, or another `--fix` run, keeps its change and this run refuses with
 * ChangedOnDiskError.
 */
export function writeFileAtomic(path: string, content: string, ops: Partial<FileSystemOps> = {}, expected?: string): void {
  const fs: FileSystemOps = { ...realFs, ...ops };
  const target = realpathSync(path);
  const original = statSync(target);
  assertWritable(target, original);
  const release = lockFile(original);
  try {
    if (expected !== undefined) assertUnchanged(target, expected);
    if (original.nlink > 1) return writeInPlace(target, content, fs, expected);
    const temp = join(dirname(target), `.${basename(target)}.flylint-${process.pid}-${Date.now()}.tmp`);
    try {
      fs.writeTemp(temp, content, original);
      if (expected !== undefined) assertUnchanged(target, expected);
      fs.rename(temp, target);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // Never created, or already renamed.
      }
      // The folder refused the temporary file (or the rename), or its owner could not be kept: the
      // file itself is writable (checked above), so it is rewritten where it is.
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === 'EACCES' || code === 'EPERM') return writeInPlace(target, content, fs, expected);
      throw error;
    }
  } finally {
    release();
  }
}

function assertUnchanged(target: string, expected: string): void {
  if (readFileSync(target).toString('utf8') !== expected) throw new ChangedOnDiskError();
}

const LOCK_WAIT_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Two `--fix` runs on one file (the same file under two names: a hard link) take turns: a lock
 * file named after the file's device and inode, created with O_EXCL in the temporary folder
 * (which, unlike the file's own folder, is always writable). A lock left by a run that died is
 * taken over. The second run then finds the text changed and refuses instead of mixing the two.
 */
function lockFile(stats: Stats): () => void {
  const lock = join(tmpdir(), `flylint-${stats.dev}-${stats.ino}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lock);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return () => undefined;
    }
    if (holderIsGone(lock)) {
      try {
        unlinkSync(lock);
      } catch {
        // Another run took it over first.
      }
      continue;
    }
    if (Date.now() > deadline) throw Object.assign(new Error(`another flylint is writing it (lock ${lock})`), { code: 'ELOCKED' });
    Atomics.wait(sleeper, 0, 0, 15);
  }
}

function holderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return false;
  }
  // A lock still being written has no pid yet: its holder is alive.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * A file its owner made read-only is left alone, though replacing it needs only a writable
 * folder. access(W_OK) answers for anyone but root as `test -w` does (the owner, group or other
 * bits that apply, ACLs, read-only mounts). Root passes it whatever the mode, so for root a file
 * with no write bit at all (0444) counts as read-only.
 */
function assertWritable(target: string, stats: Stats): void {
  accessSync(target, constants.W_OK);
  if (process.geteuid?.() === 0 && (stats.mode & 0o222) === 0) {
    throw Object.assign(new Error(`EACCES: permission denied, '${target}' has no write permission`), { code: 'EACCES' });
  }
}

function writeInPlace(target: string, content: string, fs: FileSystemOps, expected?: string): void {
  // 'r+', not 'w': truncating first would leave an empty file if the write then failed.
  const fd = openSync(target, 'r+');
  try {
    const before = readFileSync(fd);
    if (expected !== undefined && before.toString('utf8') !== expected) throw new ChangedOnDiskError();
    const after = Buffer.from(content, 'utf8');
    try {
      fs.overwrite(fd, after);
      ftruncateSync(fd, after.length);
      fsyncSync(fd);
      // Write, then verify: a program that wrote at the same time (without the lock) is reported.
      const written = Buffer.alloc(after.length + 1);
      const n = readSync(fd, written, 0, written.length, 0);
      if (n !== after.length || !written.subarray(0, n).equals(after)) throw new ChangedOnDiskError();
    } catch (error) {
      if (error instanceof ChangedOnDiskError) throw error;
      try {
        // The original bytes fit in the space the file already had.
        overwrite(fd, before);
        ftruncateSync(fd, before.length);
      } catch {
        // Nothing left to try; the error below names the file.
      }
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}
