#!/usr/bin/env node
// Writes schemas/fly.tools.schema.json (the schema for Taplo, Tombi and Even Better TOML) and the
// SchemaStore submission's schema from schemas/fly.schema.json. Run by `npm run build`; the
// generated files are committed. In CI (CI set) or with --check it writes nothing and fails when
// a committed file is stale, since a build there would otherwise hide it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './tools-schema-files.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check') || Boolean(process.env.CI);
const source = JSON.parse(readFileSync(join(root, 'schemas', 'fly.schema.json'), 'utf8'));

const stale = [];
for (const [relative, text] of Object.entries(generatedFiles(source))) {
  const path = join(root, relative);
  let current;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  if (check) {
    stale.push(relative);
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`${relative}: regenerated from schemas/fly.schema.json (commit it)`);
}
if (stale.length) {
  console.error(`${stale.join(', ')}: out of date with schemas/fly.schema.json; run npm run build and commit the result`);
  process.exit(1);
}
