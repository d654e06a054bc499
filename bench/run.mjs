#!/usr/bin/env node
// `npm run bench`: flylint against its peers, measured side by side in one run on this machine.
// Every target is a ratio against a peer measured in the same run, so a slower or busier machine
// moves both sides together.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { syntheticConfig } from './synthetic.mjs';
import { benchLanguageServer } from './lsp.mjs';
import { node24 } from '../scripts/node24.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, 'test', 'data', 'corpus', 'real-world');
const flySchema = join(root, 'test', 'data', 'schemas-external', 'schemastore-fly.json');
const cli = join(root, 'bin', 'flylint.js');
const quick = process.argv.includes('--quick');
// Enough runs that the medians hold still on a shared machine, where one run can take 20% longer than the next.
const RUNS = quick ? 5 : 21;

const rows = [];
/** `ratio`: when measured otherwise than as the ratio of the two medians (paired runs). */
function row(name, ours, peer, unit, target, better = 'lower', ratio = ours / peer) {
  const met = target === undefined ? '' : (better === 'lower' ? ratio <= target : ratio >= target) ? 'met' : 'MISSED';
  rows.push({ name, ours, peer, unit, ratio, target, met });
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
  console.log(`  ${name}: flylint ${fmt(ours)} ${unit} vs ${fmt(peer)} ${unit} → ratio ${ratio.toFixed(2)}${target === undefined ? '' : ` (target ${better === 'lower' ? '≤' : '≥'} ${target}: ${met})`}`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of a whole process, in ms; stdout discarded. */
function timeProcess(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  return ms;
}

/** Alternates the commands run by run, so drift in machine load hits all alike; the median of each. */
function compareProcesses(...commands) {
  const times = commands.map(() => []);
  for (const command of commands) timeProcess(...command);
  for (let i = 0; i < RUNS; i++) commands.forEach((command, j) => times[j].push(timeProcess(...command)));
  return times.map(median);
}

/**
 * Tombi's own native binary, as installed by cargo or a package manager. The `tombi` command npm
 * links is a Node script that finds this binary and spawns it, a Node start-up more.
 */
function tombiBinary() {
  const require = createRequire(import.meta.url);
  const libc = process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime ? '-musl' : '';
  const exe = process.platform === 'win32' ? 'tombi.exe' : 'tombi';
  try {
    return require.resolve(`@tombi-toml/cli-${process.platform}-${process.arch}${libc}/${exe}`);
  } catch {
    return undefined;
  }
}

/** The `tombi` command npm installs: what `npx tombi` and package scripts run. */
function tombiCommand() {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tombi.cmd' : 'tombi');
  return existsSync(bin) ? bin : undefined;
}

/** Peak RSS of a process in MB, via GNU time. */
function peakRss(command, args, options = {}) {
  if (!existsSync('/usr/bin/time')) return NaN;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const lines = result.stderr.toString().trim().split('\n');
  return Number(lines[lines.length - 1]) / 1024;
}

if (!existsSync(join(root, 'dist', 'cli.cjs'))) {
  console.error('flylint is not built: run `npm run build` first.');
  process.exit(2);
}

// Start-up and the corpus run on every Node users have: this one and Node 24 (installed from npm
// on first use, as the tests do). Each is measured against itself (`node -e 0` of the same Node).
const nodes = [{ path: process.execPath, version: process.version }];
if (!process.version.startsWith('v24.')) {
  const found = node24();
  if (found.path) nodes.push(found);
  else console.log(`Node 24: ${found.reason}; its rows are skipped\n`);
}
console.log(`flylint benchmarks (${nodes.map((n) => `node ${n.version}`).join(', ')}; ${RUNS} runs per median)\n`);

for (const { path: node, version } of nodes) {
  // 1. One file, whole process, against bare Node start-up.
  console.log(`CLI start-up, one fly.toml (node ${version}):`);
  {
    // A config with a sibling (fly.staging.toml) in a project of its own (examples/.flylint.toml):
    // the run reads the project around it, as pre-commit's runs on one staged file do.
    const file = join(root, 'examples', 'shop', 'fly.toml');
    const [ours, bare] = compareProcesses([node, [cli, file]], [node, ['-e', '0']]);
    row(`one file vs \`node -e 0\` (node ${version})`, ours, bare, 'ms', 1.15);
  }
  // 2. The corpus in one call, against Tombi (a native Rust TOML linter) with the public fly.toml schema.
  console.log(`\nCorpus in one call (276 real configs, node ${version}):`);
  {
    const files = readdirSync(corpusDir).filter((f) => f.endsWith('.toml'));
    const tombi = tombiBinary();
    const tombiCli = tombiCommand();
    const work = mkdtempSync(join(tmpdir(), 'flylint-bench-'));
    try {
      for (const f of files) copyFileSync(join(corpusDir, f), join(work, f));
      // Tombi reads its schema association from tombi.toml in the project folder.
      writeFileSync(join(work, 'tombi.toml'), `[[schemas]]\npath = ${JSON.stringify(flySchema)}\ninclude = ["*.toml"]\n`);
      const tombiArgs = ['lint', '--offline', '--quiet', ...files];
      // The same files, named one by one for both: a folder would give flylint only its fly*.toml files.
      const oursArgs = [cli, '--format', 'json', ...files];
      // Both sides must read every file, or the ratio compares different work.
      const checked = JSON.parse(spawnSync(node, oursArgs, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 }).stdout).length;
      if (checked !== files.length) throw new Error(`flylint reported on ${checked} of the ${files.length} corpus files`);
      const tombiEnv = { cwd: work, env: { ...process.env, TOMBI_OFFLINE: '1' } };
      if (tombi && tombiCli) {
        // The same call with every rule but the TOML ones off: start-up, reading, parsing, the model
        // and the report. What the rules add on top of it is where the time goes (not a target).
        const { allRules } = await import(join(root, 'dist', 'index.js'));
        const rulesOff = allRules().filter((r) => !r.meta.id.startsWith('toml-')).flatMap((r) => ['--rule', `${r.meta.id}=off`]);
        const [ours, peerCli, peerBinary, withoutRules] = compareProcesses(
          [node, oursArgs, { cwd: work }],
          [tombiCli, tombiArgs, tombiEnv],
          [tombi, tombiArgs, tombiEnv],
          [node, [cli, '--format', 'json', ...rulesOff, ...files], { cwd: work }],
        );
        row(`corpus vs Tombi (npm \`tombi\` command; node ${version})`, ours, peerCli, 'ms', 1.0);
        row(`corpus vs Tombi (native binary alone; node ${version})`, ours, peerBinary, 'ms', 1.0);
        console.log(`  of which the rules: ${(ours - withoutRules).toFixed(0)} ms; without them (start-up, parse, model, report) ${withoutRules.toFixed(0)} ms, ${(withoutRules / peerCli).toFixed(2)} of the Tombi command's time`);
        const rssOurs = peakRss(node, oursArgs, { cwd: work });
        const rssCli = peakRss(tombiCli, tombiArgs, tombiEnv);
        const rssBinary = peakRss(tombi, tombiArgs, tombiEnv);
        console.log(`  peak memory: flylint ${rssOurs.toFixed(0)} MB, Tombi ${rssCli.toFixed(0)} MB (npm command), ${rssBinary.toFixed(0)} MB (binary alone)`);
      } else {
        console.log(`  Tombi is not installed for ${process.platform}-${process.arch} in node_modules; skipped`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log('');
}

// 3. Parser throughput (a process each) and full-lint throughput (in this one).
console.log(`Throughput (node ${process.version}):`);
{
  const api = await import(join(root, 'dist', 'index.js'));
  const texts = readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const throughput = (run, rounds = quick ? 20 : 60) => {
    for (let i = 0; i < 5; i++) texts.forEach(run);
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) texts.forEach(run);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { mbps: (bytes * rounds) / 1e6 / seconds, filesPerSecond: (texts.length * rounds) / seconds };
  };
  // Each parser runs in a process of its own, the processes taking turns: in one process, a
  // parser's trials also paid for collecting the garbage the parser before it had left, which
  // moved the ratio by ±10% from run to run. The ratio is the median of each turn's own ratio:
  // this machine's speed drifts by half from one minute to the next, and a turn's two processes
  // run back to back, where the medians of all turns mixed slow spells with fast ones.
  const parserNames = ['flylint', 'smol', 'iarna'];
  const samples = { flylint: [], smol: [], iarna: [] };
  for (let turn = 0; turn < (quick ? 3 : 11); turn++) {
    // Every other turn in the other order, so neither parser is always the one run later.
    for (const name of turn % 2 ? [...parserNames].reverse() : parserNames) {
      const child = spawnSync(process.execPath, [join(root, 'bench', 'parse-throughput.mjs'), name, corpusDir, String(quick ? 5 : 10)], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`parser benchmark of ${name} failed: ${child.stderr}`);
      samples[name].push(JSON.parse(child.stdout).mbps);
    }
  }
  const [ours, smolMbps, iarnaMbps] = parserNames.map((name) => median(samples[name]));
  const paired = median(samples.flylint.map((mbps, turn) => mbps / samples.smol[turn]));
  console.log(`  parsers (MB/s, median of ${samples.flylint.length} processes each): flylint ${ours.toFixed(1)} (full lossless tree + values), smol-toml ${smolMbps.toFixed(1)}, @iarna/toml ${iarnaMbps.toFixed(1)}`);
  console.log(`  each turn's flylint / smol-toml: ${samples.flylint.map((mbps, turn) => (mbps / samples.smol[turn]).toFixed(2)).join(' ')}`);
  row('parser vs smol-toml (median of turns)', ours, smolMbps, 'MB/s', 1.0, 'higher', paired);
  const lint = throughput((t) => api.lintText(t, { filePath: 'fly.toml' }));
  console.log(`  full lint (parse + schema + rules): ${lint.filesPerSecond.toFixed(0)} files/s, ${lint.mbps.toFixed(1)} MB/s`);

  console.log('\nScaling (lint time of a large synthetic config at 1×, 10×, 100×):');
  // Every size is warmed up before any is timed, and the sizes take turns: timed one after the
  // other, the first size paid for the compiler's warm-up and a slow spell of the machine fell on
  // one size alone, which moved the ratios between 0.45 and 2.2 from run to run.
  const sizes = [1, 10, 100].map((factor) => {
    const text = syntheticConfig(500 * factor);
    return { factor, text, rounds: Math.max(1, Math.round(40 / factor)), runs: [] };
  });
  const timeSize = (size) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < size.rounds; i++) api.lintText(size.text, { filePath: 'fly.toml' });
    return Number(process.hrtime.bigint() - start) / 1e6 / size.rounds;
  };
  for (let warm = 0; warm < 3; warm++) sizes.forEach(timeSize);
  for (let run = 0; run < (quick ? 5 : 9); run++) for (const size of sizes) size.runs.push(timeSize(size));
  let perKb1x;
  for (const { factor, text, runs } of sizes) {
    const ms = median(runs);
    const perKb = ms / (text.length / 1024);
    perKb1x ??= perKb;
    console.log(`  ${String(factor).padStart(3)}× (${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KB): ${ms.toFixed(1)} ms, ${(perKb * 1000).toFixed(0)} µs/KB (×${(perKb / perKb1x).toFixed(2)} of 1×)`);
  }
}

// 4. The language server.
console.log('\nLanguage server:');
if (existsSync(join(root, 'dist', 'language-server.js'))) {
  await benchLanguageServer(join(root, 'bin', 'flylint-language-server.js'), { quick, row });
} else {
  console.log('  not built');
}

console.log('\nSummary:');
for (const r of rows) console.log(`  ${r.name.padEnd(56)} ratio ${r.ratio.toFixed(2).padStart(6)}  ${r.target === undefined ? '' : r.met}`);
