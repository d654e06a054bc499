/** Runs the CLI as a user would (the built bin as a child process) or in process (to inject failures). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { run, type Io } from '../../server/src/cli/main.js';
import { removeTree } from '../support/temp-root.js';

export const bin = join(process.cwd(), 'bin', 'flylint.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function withoutColorSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NO_COLOR: _no, FORCE_COLOR: _force, ...rest } = env;
  return rest;
}

export function flylint(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? process.cwd(),
    input: options.input ?? '',
    env: { ...withoutColorSettings(process.env), NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function flylintInProcess(args: string[], options: { cwd: string; input?: string; fileSystem?: Io['fileSystem'] }): CliResult {
  let stdout = '';
  let stderr = '';
  const code = run(args, {
    cwd: options.cwd,
    env: {},
    stdout: (text) => void (stdout += typeof text === 'string' ? text : Buffer.from(text).toString('latin1')),
    stderr: (text) => void (stderr += text),
    readStdin: () => Buffer.from(options.input ?? ''),
    isTTY: false,
    ...(options.fileSystem ? { fileSystem: options.fileSystem } : {}),
  });
  return { code, stdout, stderr };
}

/** The folders project() made in this test file, removed when its tests are done. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) removeTree(dir);
});

/** A throwaway folder holding the given files (paths may have folders), removed after the test file. */
export function project(files: Record<string, string | Buffer>, parent?: string): string {
  if (!parent) made.push(mkdtempSync(join(tmpdir(), 'flylint-cli-')));
  const dir = parent ?? made[made.length - 1]!;
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
