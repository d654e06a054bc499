#!/usr/bin/env node
// Writes docs/rules/<id>.md and docs/rules/README.md from the rules' metadata (the same page
// `flylint --explain` prints), so the docs never drift from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulePages } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(rulePages())) writeFileSync(join(dir, name), text);
