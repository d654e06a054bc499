#!/usr/bin/env node
// Parser throughput on the real-world corpus: flylint (full lossless tree + values) against
// smol-toml and @iarna/toml, in one run.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as smolParse } from 'smol-toml';
import iarna from '@iarna/toml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseToml } = await import('/tmp/exp/index.js');
const corpus = join(root, '..', 'shared', 'corpus', 'real-world');
const texts = readdirSync(corpus).filter((f) => f.endsWith('.toml')).map((f) => readFileSync(join(corpus, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

export function parserThroughput(parse, rounds = 60) {
  const attempt = (t) => {
    try {
      parse(t);
    } catch {
      // Three corpus files are invalid TOML; the strict parsers throw on them.
    }
  };
  for (let i = 0; i < 10; i++) texts.forEach(attempt);
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) texts.forEach(attempt);
  return (bytes * rounds) / 1e6 / (Number(process.hrtime.bigint() - start) / 1e9);
}

export function compareParsers(rounds) {
  return {
    flylint: parserThroughput((t) => parseToml(t), rounds),
    smol: parserThroughput((t) => smolParse(t), rounds),
    iarna: parserThroughput((t) => iarna.parse(t), rounds),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = compareParsers(60);
  console.log(`parsers on ${texts.length} files (${(bytes / 1024).toFixed(0)} KB), MB/s: flylint ${r.flylint.toFixed(1)}, smol-toml ${r.smol.toFixed(1)}, @iarna/toml ${r.iarna.toFixed(1)}; flylint/smol-toml = ${(r.flylint / r.smol).toFixed(2)}`);
}
