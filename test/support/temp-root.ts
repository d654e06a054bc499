/**
 * vitest's global setup: every test run gets one temporary folder of its own, and TMPDIR points
 * into it for the test workers and every program they start (the CLI, pre-commit, git, editors).
 * Tests clean up what they make, and whatever a test that failed midway or a child process left
 * behind goes with the run's folder at the end: a run leaves nothing in the system's temporary
 * folder.
 *
 * The folder can be entered by every user (0755), so the tests that run the CLI as another user
 * reach the files they make for it; what is inside stays as private as each test makes it.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUN_FOLDER_PREFIX = 'flylint-test-run-';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const runFolder = mkdtempSync(join(tmpdir(), RUN_FOLDER_PREFIX));
  chmodSync(runFolder, 0o755);
  process.env.TMPDIR = runFolder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    removeTree(runFolder);
  };
}

/** Removes a folder a test made, also when the test left folders in it read-only (0555) or closed (0700). */
export function removeTree(dir: string): void {
  makeWritable(dir);
  rmSync(dir, { recursive: true, force: true });
}

function makeWritable(dir: string): void {
  let entries: Dirent[];
  try {
    chmodSync(dir, 0o700);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) if (entry.isDirectory()) makeWritable(join(dir, entry.name));
}
