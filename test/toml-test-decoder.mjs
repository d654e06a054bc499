#!/usr/bin/env node
// toml-test decoder interface: TOML on stdin (bytes); tagged JSON on stdout and exit 0, or a
// message on stderr and exit 1. Uses flylint's own parser (the built package main).
//   node test/toml-test-decoder.mjs [--toml 1.0|1.1]
import { readFileSync } from 'node:fs';
import { parseToml, toTaggedJson, LineIndex } from '../dist/index.js';

const versionFlag = process.argv.indexOf('--toml');
const tomlVersion = versionFlag >= 0 ? process.argv[versionFlag + 1] : '1.0';
if (tomlVersion !== '1.0' && tomlVersion !== '1.1') {
  process.stderr.write('usage: toml-test-decoder.mjs [--toml 1.0|1.1]\n');
  process.exit(2);
}

const bytes = readFileSync(0);
let text;
try {
  text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
} catch {
  process.stderr.write('invalid UTF-8\n');
  process.exit(1);
}

const result = parseToml(text, { tomlVersion });
const errors = result.errors.filter((e) => e.code !== 'toml-version');
if (errors.length > 0) {
  const index = new LineIndex(text);
  for (const error of errors) {
    const { line, character } = index.positionAt(error.range[0]);
    process.stderr.write(`${line + 1}:${character + 1}: ${error.message}\n`);
  }
  process.exit(1);
}
process.stdout.write(JSON.stringify(toTaggedJson(result.value)) + '\n');
