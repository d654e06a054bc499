/**
 * A test run leaves nothing in the system's temporary folder: everything the tests and the
 * programs they start make lands in one folder of the run's own (vitest's global setup,
 * test/support/temp-root.ts), removed at the end of the run.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RUN_FOLDER_PREFIX, removeTree } from '../support/temp-root.js';

describe('the temporary folder of a test run', () => {
  it('is a folder of the run\'s own, below the system\'s, for the tests and the programs they start', () => {
    expect(basename(tmpdir())).toMatch(new RegExp(`^${RUN_FOLDER_PREFIX}`));
    expect(existsSync(dirname(tmpdir()))).toBe(true);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
    expect(child.stdout).toBe(tmpdir());
  });

  it('can be entered by other users, for the tests that run the CLI as one', () => {
    expect(statSync(tmpdir()).mode & 0o755).toBe(0o755);
  });

  it('is removed whatever a test left in it: read-only folders, closed folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flylint-remove-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'fly.toml'), 'app = "x"\n');
    chmodSync(join(dir, 'a', 'b'), 0o555);
    chmodSync(join(dir, 'a'), 0o000);
    removeTree(dir);
    expect(existsSync(dir)).toBe(false);
  });
});
