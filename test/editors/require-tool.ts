/** Editor and hook tests need real programs: skipped where they are missing, but CI (which installs them) must run them. */
import { spawnSync } from 'node:child_process';

export function hasTool(command: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI) throw new Error(`${command} is not installed, but CI must run this test (.ci/run installs it)`);
  return found;
}
