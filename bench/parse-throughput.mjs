// One parser's throughput over the corpus, in a process of its own: `node parse-throughput.mjs
// <flylint|smol|iarna> <corpus dir> <rounds>` prints the median MB/s of nine trials as JSON.
// A process each keeps one parser's garbage and JIT state from weighing on another's trials.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [name, corpusDir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 10);

async function parserNamed(parser) {
  if (parser === 'flylint') return (await import(join(root, 'dist', 'index.js'))).parseToml;
  if (parser === 'smol') return (await import('smol-toml')).parse;
  if (parser === 'iarna') return require('@iarna/toml').parse;
  throw new Error(`unknown parser ${parser}`);
}

const parse = await parserNamed(name);
const texts = readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
// Three of the corpus files are invalid TOML: some parsers throw on them.
const each = (text) => {
  try {
    parse(text);
  } catch {
    /* counted like any other file */
  }
};
for (let i = 0; i < 2 * rounds; i++) texts.forEach(each);
const trials = [];
for (let trial = 0; trial < 9; trial++) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) texts.forEach(each);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  trials.push((bytes * rounds) / 1e6 / seconds);
}
trials.sort((a, b) => a - b);
console.log(JSON.stringify({ mbps: trials[4] }));
