#!/usr/bin/env node
// Builds what `bin/` and the package main run: the schema validator compiled ahead of time, then
// one bundled file per entry point (fast start-up: one file to read, no module resolution).
import { existsSync, rmSync } from 'node:fs';
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

// The CLI is CommonJS: bin/flylint.js runs it through a V8 code cache on Node 20, which needs a plain script.
const entries = [
  ['server/src/index.ts', 'dist/index.js', 'esm'],
  ['server/src/cli/bin.ts', 'dist/cli.cjs', 'cjs'],
  ['server/src/lsp/main.ts', 'dist/language-server.js', 'esm'],
].filter(([source]) => existsSync(join(root, source)));

// Files of earlier builds: the code cache once kept here (it now lives in the user's cache folder).
rmSync(join(root, 'dist', 'cli.cjs.cache'), { force: true });
rmSync(join(root, 'dist', 'cli.js'), { force: true });
rmSync(join(root, 'dist', 'cli.js.map'), { force: true });

await Promise.all(
  entries.map(([source, out, format]) =>
    build({
      absWorkingDir: root,
      entryPoints: [source],
      outfile: out,
      bundle: true,
      platform: 'node',
      format,
      target: 'node20',
      // Maps stay in dist/ for development and are not published: no sourceMappingURL comment points
      // an installed bundle at a file that is not there.
      sourcemap: 'external',
      legalComments: 'none',
      // The CLI reads and compiles its whole bundle at every start: minified, that is 3 ms less of
      // a 70 ms run. Its errors show messages, not stacks; the source map names the places.
      ...(format === 'cjs' ? { minify: true } : {}),
      logLevel: 'warning',
      // Bundled CommonJS dependencies (vscode-languageserver) call require(); give ESM one.
      ...(format === 'esm' ? { banner: { js: "import { createRequire as __flylintCreateRequire } from 'node:module'; const require = __flylintCreateRequire(import.meta.url);" } } : {}),
    }),
  ),
);

runScript('client/build.mjs');

// Type declarations of the library API (package main), for TypeScript users of `import … from 'flylint'`.
rmSync(join(root, 'dist', 'types'), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.types.json')], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
