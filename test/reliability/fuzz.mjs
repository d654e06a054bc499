#!/usr/bin/env node
// Long fuzzing runs of the reliability properties against the built bundle:
//   npm run fuzz -- --minutes N [--seed S] [--only name,name] [--skip name,name]
// The properties take turns in slices of at most 20 seconds until the time is up. Prints how many
// inputs each property tried; on the first failure, prints the property, the seed, the replay
// path and the shrunk input, writes the input to test/artifacts/, and exits 1.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as api from '../../dist/index.js';
import { createChecks } from './checks.mjs';
import { anyBytesAsText, anyString, corpusMutation, flyConfig, longTokenDocument, tomlDocument } from './generators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const minutes = Number(option('minutes', '1'));
const baseSeed = Number(option('seed', String(Date.now() % 2 ** 31)));
const only = option('only', '').split(',').filter(Boolean);
const skip = option('skip', '').split(',').filter(Boolean);
if (!(minutes > 0) || !Number.isInteger(baseSeed)) {
  console.error('usage: npm run fuzz -- --minutes N [--seed S] [--only name,name] [--skip name,name]');
  process.exit(2);
}

const corpusDir = join(root, 'test', 'data', 'corpus', 'real-world');
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.toml')).sort().map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const checks = createChecks(api);

const properties = {
  'any-string': fc.property(anyString, (t) => void checks.invariants(t)),
  'random-bytes': fc.property(anyBytesAsText, (t) => void checks.invariants(t)),
  'toml-document': fc.property(tomlDocument, (t) => void checks.invariants(t)),
  'corpus-mutation': fc.property(corpusMutation(corpus), (t) => void checks.invariants(t)),
  'fly-config': fc.property(flyConfig, (t) => void checks.invariants(t)),
  'long-token': fc.property(longTokenDocument, (t) => void checks.invariants(t)),
  'safe-fixes-config': fc.property(flyConfig, (t) => void checks.fixes(t)),
  'safe-fixes-mutation': fc.property(corpusMutation(corpus), (t) => void checks.fixes(t)),
  'safe-fixes-document': fc.property(tomlDocument, (t) => void checks.fixes(t)),
  'unsafe-fixes-config': fc.property(flyConfig, (t) => void checks.fixes(t, { unsafe: true })),
  'unsafe-fixes-mutation': fc.property(corpusMutation(corpus), (t) => void checks.fixes(t, { unsafe: true })),
  'unsafe-fixes-document': fc.property(tomlDocument, (t) => void checks.fixes(t, { unsafe: true })),
  'each-fix-alone-config': fc.property(flyConfig, (t) => void checks.eachFixAlone(t)),
};
for (const name of [...only, ...skip]) {
  if (!(name in properties)) {
    console.error(`unknown property "${name}"; the properties are: ${Object.keys(properties).join(', ')}`);
    process.exit(2);
  }
}
const selected = Object.keys(properties).filter((n) => (only.length === 0 || only.includes(n)) && !skip.includes(n));

const counts = Object.fromEntries(selected.map((n) => [n, 0]));
const deadline = Date.now() + minutes * 60_000;
const slice = Math.min(20_000, Math.max(1000, (minutes * 60_000) / selected.length));
console.log(`fuzzing ${selected.length} properties for ${minutes} minute(s), base seed ${baseSeed}`);

let round = 0;
while (Date.now() < deadline) {
  for (const name of selected) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const seed = (baseSeed + round * 7919 + selected.indexOf(name) * 104729) % 2 ** 31;
    const details = fc.check(properties[name], { seed, numRuns: Number.MAX_SAFE_INTEGER, endOnFailure: true, plugins: [fc.interruptAfterTimeLimit(Math.min(slice, left))] });
    counts[name] += details.numRuns;
    if (details.failed) report(name, seed, details);
  }
  round++;
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(`${total} inputs, no failure:`);
for (const [name, n] of Object.entries(counts)) console.log(`  ${name.padEnd(24)} ${n}`);

/** Replays the failure to shrink it (at most a minute), prints it and exits. */
function report(name, seed, found) {
  const shrunk = fc.check(properties[name], { seed, path: found.counterexamplePath, plugins: [fc.interruptAfterTimeLimit(60_000)] });
  const details = shrunk.failed ? shrunk : found;
  const input = details.counterexample[0];
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  mkdirSync(join(root, 'test', 'artifacts'), { recursive: true });
  const file = join(root, 'test', 'artifacts', `fuzz-failure-${name}.toml`);
  writeFileSync(file, input);
  console.error(`FAILED: ${name}`);
  console.error(`  seed ${seed}, path ${details.counterexamplePath} (replay: fc.check(property, { seed: ${seed}, path: "${details.counterexamplePath}" }))`);
  console.error(`  shrunk input (${details.numShrinks} shrinks): ${JSON.stringify(input)}`);
  console.error(`  written to ${file}`);
  console.error(`  ${error.split('\n').join('\n  ')}`);
  console.error(`inputs tried before the failure: ${Object.entries(counts).map(([n, c]) => `${n} ${c}`).join(', ')}`);
  process.exit(1);
}
