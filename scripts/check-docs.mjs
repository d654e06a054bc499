#!/usr/bin/env node
// Fails when docs/rules/ is out of date with the rules' metadata (run `npm run docs`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulePages } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stale = Object.entries(rulePages()).filter(([name, text]) => {
  const path = join(root, 'docs', 'rules', name);
  return !existsSync(path) || readFileSync(path, 'utf8') !== text;
});
if (stale.length) {
  console.error(`docs/rules is out of date (${stale.map(([n]) => n).join(', ')}): run npm run docs`);
  process.exit(1);
}
