/** Runs the built CLI as a user would: a child process, in a chosen folder. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const bin = join(process.cwd(), 'bin', 'flylint.js');

export function flylint(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? process.cwd(),
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
