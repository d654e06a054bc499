#!/usr/bin/env node
// Findings over the real-world corpus (test/data/corpus/real-world), each repository linted as one
// project with default settings: how many findings each rule gives per severity, how many files
// each rule fires on, and which files get no finding. `--json` prints the same as JSON.
import { lintText } from '../dist/index.js';
import { lintCorpus } from '../test/support/corpus-projects.mjs';

const results = lintCorpus(lintText);
const byRule = new Map();
const clean = [];
let total = 0;
for (const [name, { findings }] of results) {
  if (findings.length === 0) clean.push(name);
  total += findings.length;
  const seen = new Set();
  for (const f of findings) {
    const row = byRule.get(f.ruleId) ?? { rule: f.ruleId, error: 0, warning: 0, info: 0, files: 0 };
    row[f.severity] += 1;
    if (!seen.has(f.ruleId)) { row.files += 1; seen.add(f.ruleId); }
    byRule.set(f.ruleId, row);
  }
}
const rows = [...byRule.values()].sort((a, b) => b.error + b.warning + b.info - (a.error + a.warning + a.info) || a.rule.localeCompare(b.rule));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: results.size, findings: total, rules: rows, clean }, null, 2));
} else {
  const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
  console.log(`${results.size} configs, ${total} findings (${(total / results.size).toFixed(2)} per file): ${sum('error')} errors, ${sum('warning')} warnings, ${sum('info')} infos\n`);
  console.log('rule'.padEnd(30) + 'error'.padStart(7) + 'warning'.padStart(9) + 'info'.padStart(7) + 'files'.padStart(7));
  for (const r of rows) console.log(r.rule.padEnd(30) + String(r.error).padStart(7) + String(r.warning).padStart(9) + String(r.info).padStart(7) + String(r.files).padStart(7));
  console.log(`\n${clean.length} files with no finding:`);
  for (const name of clean) console.log(`  ${name}`);
}
