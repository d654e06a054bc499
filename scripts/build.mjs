#!/usr/bin/env node
// Builds what `bin/` and the package main run: the schema validator compiled ahead of time, then
// one bundled file per entry point (fast start-up: one file to read, no module resolution).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runScript(relative) {
  const path = join(root, relative);
  if (!existsSync(path)) return;
  const result = spawnSync(process.execPath, [path], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

runScript('scripts/build-schema.mjs');

const entries = [
  ['server/src/index.ts', 'dist/index.js'],
  ['server/src/cli/bin.ts', 'dist/cli.js'],
  ['server/src/lsp/main.ts', 'dist/language-server.js'],
].filter(([source]) => existsSync(join(root, source)));

await Promise.all(
  entries.map(([source, out]) =>
    build({
      absWorkingDir: root,
      entryPoints: [source],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      legalComments: 'none',
      logLevel: 'warning',
      // Bundled CommonJS dependencies (vscode-languageserver) call require(); give ESM one.
      banner: { js: "import { createRequire as __flylintCreateRequire } from 'node:module'; const require = __flylintCreateRequire(import.meta.url);" },
    }),
  ),
);

runScript('client/build.mjs');
