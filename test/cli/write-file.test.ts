/** Writing fixes to disk: atomic, keeps the file's mode and conventions, never touches bytes it could not read. */
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../server/src/cli/write-file.js';
import { keepFileConventions } from '../../server/src/cli/file-conventions.js';
import { decodeSource } from '../../server/src/cli/read-source.js';

function tempFile(content: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flylint-write-'));
  const path = join(dir, 'fly.toml');
  writeFileSync(path, content);
  return { dir, path };
}

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the file mode, leaving no temporary file', () => {
    const { dir, path } = tempFile('app = "a"\n');
    chmodSync(path, 0o640);
    writeFileAtomic(path, 'app = "b"\n');
    expect(readFileSync(path, 'utf8')).toBe('app = "b"\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['fly.toml']);
  });

  it.each([
    ['the temporary file is half written when the disk fills up', 'writeTemp'],
    ['the rename fails', 'rename'],
  ])('leaves the original intact and cleans up when %s', (_name, failing) => {
    const { dir, path } = tempFile('app = "a"\nprimary_region = "ord"\n');
    const ops = {
      writeTemp: (temp: string) => {
        writeFileSync(temp, 'app = "'); // a truncated copy, as a crash would leave it
        if (failing === 'writeTemp') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      rename: () => {
        throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
      },
    };
    expect(() => writeFileAtomic(path, 'app = "b"\n', ops)).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('app = "a"\nprimary_region = "ord"\n');
    expect(readdirSync(dir)).toEqual(['fly.toml']);
  });

  it('writes through a symlink, which stays a symlink', () => {
    const { dir, path } = tempFile('app = "a"\n');
    const link = join(dir, 'fly.staging.toml');
    symlinkSync(path, link);
    writeFileAtomic(link, 'app = "b"\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('app = "b"\n');
  });

  it('refuses a read-only (0444) file, even for root, and leaves it as it was', () => {
    const { dir, path } = tempFile('app = "a"\n');
    chmodSync(path, 0o444);
    expect(() => writeFileAtomic(path, 'app = "b"\n')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(readFileSync(path, 'utf8')).toBe('app = "a"\n');
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['fly.toml']);
  });

  // Only root can give a file to another user, so only root can set up (or needs) this case.
  it.skipIf(process.getuid?.() !== 0)('keeps the owner and group of a file owned by another user (needs root to chown; skipped otherwise)', () => {
    const { path } = tempFile('app = "a"\n');
    chownSync(path, 65534, 65534);
    chmodSync(path, 0o640);
    writeFileAtomic(path, 'app = "b"\n');
    expect(readFileSync(path, 'utf8')).toBe('app = "b"\n');
    expect(statSync(path)).toMatchObject({ uid: 65534, gid: 65534 });
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('writes a hard-linked file in place, so every link sees the fix', () => {
    const { dir, path } = tempFile('app = "a"\nprimary_region = "ord"\n');
    const other = join(dir, 'other.toml');
    linkSync(path, other);
    const inode = statSync(path).ino;
    writeFileAtomic(path, 'app = "b"\n');
    expect(readFileSync(other, 'utf8')).toBe('app = "b"\n'); // shorter: the old tail is cut
    expect(statSync(path)).toMatchObject({ ino: inode, nlink: 2 });
    expect(readdirSync(dir).sort()).toEqual(['fly.toml', 'other.toml']);
  });

  it('puts the original bytes back when an in-place write fails midway', () => {
    const { dir, path } = tempFile('app = "a"\n');
    linkSync(path, join(dir, 'other.toml'));
    const ops = {
      overwrite: (fd: number) => {
        writeSync(fd, 'app = "bbbbbbbbbbbbbbbbbbbbb', 0); // part of the new text, then the disk is full
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    expect(() => writeFileAtomic(path, 'app = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"\n', ops)).toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('app = "a"\n');
  });

  it.each([
    ['the folder refuses the temporary file', 'writeTemp', 'EACCES'],
    ['the owner cannot be kept or the folder refuses the rename', 'rename', 'EPERM'],
  ])('writes in place when %s', (_name, failing, code) => {
    const { dir, path } = tempFile('app = "a"\n');
    const inode = statSync(path).ino;
    const fail = () => {
      throw Object.assign(new Error(code), { code });
    };
    const ops = failing === 'writeTemp' ? { writeTemp: fail } : { writeTemp: (temp: string, content: string) => writeFileSync(temp, content), rename: fail };
    writeFileAtomic(path, 'app = "b"\nprimary_region = "ord"\n', ops);
    expect(readFileSync(path, 'utf8')).toBe('app = "b"\nprimary_region = "ord"\n');
    expect(statSync(path).ino).toBe(inode);
    expect(readdirSync(dir)).toEqual(['fly.toml']);
  });
});

describe('keepFileConventions', () => {
  it.each([
    ['LF stays LF', 'a = 1\n', 'a = 2\nb = 3\n', 'a = 2\nb = 3\n'],
    ['CRLF stays CRLF where a fix inserted LF', 'a = 1\r\n', 'a = 1\r\nb = 2\n', 'a = 1\r\nb = 2\r\n'],
    ['mixed endings are left as they are', 'a = 1\r\nb = 2\n', 'a = 1\r\nb = 2\nc = 3\n', 'a = 1\r\nb = 2\nc = 3\n'],
    ['a BOM is kept', '\uFEFFa = 1\n', 'a = 2\n', '\uFEFFa = 2\n'],
    ['no BOM is added', 'a = 1\n', '\uFEFFa = 2\n', 'a = 2\n'],
    ['a missing final newline stays missing', 'a = 1', 'a = 1\nb = 2\n', 'a = 1\nb = 2'],
    ['a missing final newline stays missing when a removed last line leaves a blank line', 'a = 1\n\nb = 2', 'a = 1\n\n', 'a = 1'],
    ['a final newline stays', 'a = 1\n', 'a = 1\nb = 2', 'a = 1\nb = 2\n'],
    ['a final CRLF stays', 'a = 1\r\n', 'a = 2', 'a = 2\r\n'],
    ['an empty file may grow', '', 'a = 1\n', 'a = 1\n'],
  ])('%s', (_name, original, fixed, expected) => {
    expect(keepFileConventions(original, fixed)).toBe(expected);
  });
});

describe('decodeSource', () => {
  const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it.each([
    ['plain UTF-8', bytes('app = "ümlaut 🚀"\n'), { text: 'app = "ümlaut 🚀"\n' }],
    ['a BOM is kept in the text', bytes([0xef, 0xbb, 0xbf], 'a = 1\n'), { text: '\uFEFFa = 1\n' }],
    ['a real U+FFFD is valid', bytes('a = "\uFFFD"\n'), { text: 'a = "\uFFFD"\n' }],
    ['Latin-1 in a comment', bytes('# caf', [0xe9], '\napp = "x"\n'), { text: '# caf\uFFFD\napp = "x"\n', invalidUtf8At: 5, invalidByte: 0xe9 }],
    ['after a real U+FFFD and an emoji', bytes('a = "\uFFFD🚀"', [0xff]), { invalidUtf8At: 9, invalidByte: 0xff }],
  ])('%s', (_name, input, expected) => {
    expect(decodeSource(input)).toMatchObject(expected);
  });
});
