#!/usr/bin/env node
// `npm pack` and `npm publish` run `prepack` (build, then `strip`) and `postpack` (`restore`).
// The published package.json has no `prepare` script: the package ships built, and npm warns on
// every install of a package with one. The repository keeps it, so `npm ci` in a clone (and npm
// installing flylint from a git URL) still builds dist/. npm reads package.json from the disk for
// the tarball and for the registry's copy after `prepack`, so the script is taken out of the file
// for the time of the pack, and the file is then put back byte for byte.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
// Kept out of the package by `files` and out of git by .gitignore.
const backup = join(root, 'package.json.prepack');

/** Puts the repository's own package.json back, if a pack took it out. */
function restore() {
  if (existsSync(backup)) renameSync(backup, manifest);
}

function strip() {
  // A pack stopped before its postpack left the stripped file: the backup is the original.
  restore();
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  if (!pkg.scripts?.prepare) return;
  delete pkg.scripts.prepare;
  writeFileSync(backup, text);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
}

const command = process.argv[2];
if (command === 'strip') strip();
else if (command === 'restore') restore();
else {
  console.error('usage: publish-manifest.mjs strip|restore');
  process.exit(2);
}
