#!/usr/bin/env node
// Long fuzzing runs: `npm run fuzz -- --minutes N` (default 1). Random strings, random bytes,
// TOML-shaped documents and mutations of the real corpus through the whole lint, plus the safe
// fix loop on TOML-shaped documents. Stops at the first failure with the input that caused it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyFixes, lintText, parseToml, printDocument } from '../../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const minutesFlag = process.argv.indexOf('--minutes');
const minutes = minutesFlag >= 0 ? Number(process.argv[minutesFlag + 1]) : 1;
const seedFlag = process.argv.indexOf('--seed');
let seed = seedFlag >= 0 ? Number(process.argv[seedFlag + 1]) : Date.now() % 2 ** 31;
const startSeed = seed;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];

const corpusDir = join(root, '..', 'shared', 'corpus', 'real-world');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const PIECES = ['[', ']', '[[', ']]', '=', '"', "'", "'''", '"""', '\r\n', '\n', '\r', '{', '}', ',', '.', '#', '\uD800', '\uDC00', '\uFEFF', '\u0000', '\u0007', '\\', '\\u', 'x = ', '[http_service]', '[[services]]', 'a.b.c = 1', '1979-05-27', 'inf', 'nan', '0x', '1_000', 'true', ' ', '\t'];
const KEYS = ['app', 'primary_region', 'internal_port', 'auto_stop_machines', 'processes', 'memory', 'size', 'interval', 'port', 'swap_size_mb', 'cpu_kind', 'force_https'];
const VALUES = ['1', '-5', '3.5', 'true', '"x"', "'y'", '"1gb"', '"30s"', '10000', '["app"]', '[1, [2]]', '{ a = 1 }', '1979-05-27T07:32:00Z', 'inf', '"""\nml\n"""'];
const HEADERS = ['[http_service]', '[[services]]', '[[services.ports]]', '[env]', '[build]', '[deploy]', '[[vm]]', '[[mounts]]', '[processes]', '[metrics]', '[checks.alive]', '[[http_service.checks]]'];

function randomString() {
  let s = '';
  const n = Math.floor(random() * 200);
  for (let i = 0; i < n; i++) s += random() < 0.5 ? pick(PIECES) : String.fromCharCode(Math.floor(random() * 0x10000));
  return s;
}
function randomBytes() {
  const bytes = Buffer.alloc(Math.floor(random() * 400));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return random() < 0.5 ? bytes.toString('latin1') : bytes.toString('utf8');
}
function tomlShaped() {
  const lines = [];
  const n = Math.floor(random() * 30);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.2) lines.push(pick(HEADERS));
    else if (r < 0.85) lines.push(`${random() < 0.2 ? '  ' : ''}${pick(KEYS)} = ${pick(VALUES)}`);
    else lines.push(random() < 0.5 ? '# comment' : '');
  }
  return lines.join(random() < 0.3 ? '\r\n' : '\n');
}
function mutated() {
  let text = pick(corpus);
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const r = random();
    if (r < 0.25) text = text.slice(0, at);
    else if (r < 0.6) text = text.slice(0, at) + pick(PIECES) + text.slice(at);
    else if (r < 0.8) text = text.slice(0, at) + text.slice(at + Math.floor(random() * 40));
    else {
      const lines = text.split('\n');
      const j = Math.floor(random() * lines.length);
      lines.splice(j, 0, lines[j] ?? '');
      text = lines.join('\n');
    }
  }
  return text;
}

function check(text, kind) {
  const { ast } = parseToml(text);
  if (printDocument(ast, text) !== text) throw new Error('the tree does not reprint the input');
  const findings = lintText(text, { filePath: '/fuzz/fly.toml' });
  let prev;
  for (const f of findings) {
    if (!(f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= text.length)) throw new Error(`range outside the text (${f.ruleId})`);
    if (prev && prev.range[0] > f.range[0]) throw new Error('findings not sorted');
    prev = f;
  }
  if (kind === 'toml') {
    // The safe fix loop must keep the TOML readable and every comment.
    let current = text;
    const syntax = (fs) => fs.filter((f) => f.ruleId === 'toml-syntax' || f.ruleId === 'toml-duplicate-key').length;
    const before = syntax(findings);
    for (let pass = 0; pass < 10; pass++) {
      const result = applyFixes(current, lintText(current, { filePath: '/fuzz/fly.toml' }));
      if (result.applied === 0) break;
      current = result.text;
    }
    if (syntax(lintText(current, { filePath: '/fuzz/fly.toml' })) > before) throw new Error('safe fixes broke the TOML');
    const comments = (t) => parseToml(t).ast.comments.map((c) => c.text).sort().join('\n');
    if (comments(current) !== comments(text)) throw new Error('safe fixes lost a comment');
  }
}

const generators = { string: randomString, bytes: randomBytes, toml: tomlShaped, mutation: mutated };
const counts = Object.fromEntries(Object.keys(generators).map((k) => [k, 0]));
const deadline = Date.now() + minutes * 60_000;
console.log(`fuzzing for ${minutes} minute(s), seed ${startSeed}`);
while (Date.now() < deadline) {
  for (const [kind, generate] of Object.entries(generators)) {
    const input = generate();
    try {
      check(input, kind);
    } catch (error) {
      const file = join(root, `fuzz-failure-${kind}.toml`);
      writeFileSync(file, input);
      console.error(`FAILED (${kind}): ${error.message}\ninput written to ${file}\nseed ${startSeed}`);
      process.exit(1);
    }
    counts[kind]++;
  }
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(`${total} inputs, no failure: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
