/**
 * flylint against flyctl's own verdicts, over the real-world corpus and flyctl's fixtures:
 *   1. files flyctl loads and validates: no error-severity finding from the TOML and schema rules;
 *   2. files flyctl rejects (load error, failed validate, deploy-time error): at least one error,
 *      on the line that causes it when the verdict names a line or a key;
 *   3. every key `fly config validate --strict` flags: an unknown-key / deprecated / key-case
 *      finding on its line.
 * The three figures are printed; each must be perfect.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, allRules, LineIndex, type Finding } from '../../server/src/index.js';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';


interface Verdict {
  loads: boolean;
  load_error: string | null;
  valid: boolean | null;
  validate_messages: string[];
  deploy_errors: string[];
  strict_keys: Record<string, string[]>;
  strict_sections: string[];
}

interface Case {
  name: string;
  path: string;
  verdict: Verdict;
}

function tomlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...tomlFiles(full));
    else if (entry.endsWith('.toml')) out.push(full);
  }
  return out;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const base of [corpusDir, flyctlFixturesDir]) {
    const verdicts = JSON.parse(readFileSync(join(base, 'flyctl-verdicts.json'), 'utf8')) as Record<string, Verdict>;
    for (const path of tomlFiles(base)) {
      const name = relative(base, path);
      const verdict = verdicts[name];
      if (verdict) out.push({ name, path, verdict });
    }
  }
  return out;
}

const fidelityRules = new Set(allRules().filter((r) => r.meta.category === 'toml' || r.meta.category === 'schema').map((r) => r.meta.id));
const strictRules = new Set(['unknown-key', 'deprecated', 'key-case']);

/**
 * A missing key flyctl never asks for, though the deploy cannot work without it: `internal_port`
 * is sent to the Machines API as 0, which it documents as required (reference §3.8, §3.9), and a
 * mount's `source` is "required in practice (not checked locally)" (§3.7). The verdicts record
 * flyctl's own checks (load, validate, its deploy-time conversion), not the platform's, so a config
 * without them counts as accepted; missing-required rightly makes them errors.
 */
const platformOnly = (f: Finding) => f.ruleId === 'missing-required' && /has no "(internal_port|source)"/.test(f.message);

function lineOfKey(text: string, section: string, key: string): number[] {
  // Every line where the key is written (as `key =` or a dotted `key.` or a `[section.key]` header).
  const lines = text.split(/\r?\n/);
  const found: number[] = [];
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(["']?)${escaped}\\1\\s*[=.]|^\\s*\\[+\\s*${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.${escaped}\\s*\\]`, 'i');
  lines.forEach((line, i) => {
    if (pattern.test(line)) found.push(i + 1);
  });
  return found;
}

describe('flyctl fidelity over the corpus and fixtures', () => {
  const all = cases();
  const results = all.map((c) => {
    const text = readFileSync(c.path, 'utf8');
    const findings = lintText(text, { filePath: c.path });
    return { ...c, text, findings, index: new LineIndex(text) };
  });
  const lineOf = (r: { index: LineIndex }, f: Finding) => r.index.location(f.range).line;

  it('reads every case', () => {
    expect(all.length).toBeGreaterThanOrEqual(276 + 40);
  });

  it('reports no error on a config flyctl accepts', () => {
    const accepted = results.filter((r) => r.verdict.loads && r.verdict.valid !== false && r.verdict.deploy_errors.length === 0);
    const falseError = (f: Finding) => f.severity === 'error' && fidelityRules.has(f.ruleId) && !platformOnly(f);
    const falseErrors = accepted.filter((r) => r.findings.some(falseError));
    const platform = accepted.filter((r) => r.findings.some(platformOnly));
    console.log(`[figure 1] configs flyctl accepts: ${accepted.length}; with a false error: ${falseErrors.length}; with a key only the platform asks for missing: ${platform.length}`);
    for (const r of falseErrors) {
      const f = r.findings.find(falseError)!;
      console.log(`  ${r.name}:${lineOf(r, f)} ${f.ruleId}: ${f.message}`);
    }
    expect(falseErrors.map((r) => r.name)).toEqual([]);
  });

  it('reports an error on every config flyctl rejects', () => {
    const rejected = results.filter((r) => !r.verdict.loads || r.verdict.valid === false || r.verdict.deploy_errors.length > 0);
    const missed = rejected.filter((r) => {
      const errors = r.findings.filter((f) => f.severity === 'error');
      if (errors.length === 0) return true;
      // A load error names its row: the error must be on that line.
      const row = /row (\d+)/.exec(r.verdict.load_error ?? '');
      return row ? !errors.some((f) => lineOf(r, f) === Number(row[1])) : false;
    });
    console.log(`[figure 2] configs flyctl rejects: ${rejected.length}; caught with an error at the right line: ${rejected.length - missed.length}`);
    for (const r of missed) console.log(`  missed ${r.name}: ${r.verdict.load_error ?? r.verdict.validate_messages.join(' | ')}`);
    expect(missed.map((r) => r.name)).toEqual([]);
  });

  it('flags every key that fly config validate --strict flags, on its line', () => {
    let total = 0;
    const missed: string[] = [];
    for (const r of results) {
      const flagged = r.findings.filter((f) => strictRules.has(f.ruleId)).map((f) => lineOf(r, f));
      for (const [section, keys] of Object.entries(r.verdict.strict_keys)) {
        for (const key of keys) {
          total++;
          const lines = lineOfKey(r.text, section, key);
          if (!lines.some((l) => flagged.includes(l))) missed.push(`${r.name}: [${section}] ${key} (lines ${lines.join(',')})`);
        }
      }
      for (const section of r.verdict.strict_sections) {
        total++;
        const lines = r.text.split(/\r?\n/).flatMap((line, i) => (new RegExp(`^\\s*(\\[+\\s*${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[\\].]|${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[=.])`).test(line) ? [i + 1] : []));
        if (!lines.some((l) => flagged.includes(l))) missed.push(`${r.name}: section ${section} (lines ${lines.join(',')})`);
      }
    }
    console.log(`[figure 3] keys and sections --strict flags: ${total}; flagged on their line: ${total - missed.length}`);
    for (const m of missed) console.log(`  missed ${m}`);
    expect(missed).toEqual([]);
  });
});
