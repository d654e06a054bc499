#!/usr/bin/env node
// Bundles the extension (vscode stays external) and copies the server bundle beside it, so the
// VSIX needs no npm install at run time.
import { copyFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
if (!existsSync(join(root, 'node_modules', 'vscode-languageclient'))) {
  console.log('client: vscode-languageclient is not installed; skipping the extension build');
  process.exit(0);
}
mkdirSync(join(here, 'dist'), { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  logLevel: 'warning',
});
// The server bundle is an ES module; as .mjs it loads as one inside the extension's (CommonJS) folder.
copyFileSync(join(root, 'dist', 'language-server.js'), join(here, 'dist', 'language-server.mjs'));
rmSync(join(here, 'dist', 'language-server.js'), { force: true });
// The schema that tomlValidation gives Even Better TOML and Tombi, shipped with the version it fits.
copyFileSync(join(root, 'schemas', 'fly.tools.schema.json'), join(here, 'dist', 'fly.tools.schema.json'));
