/**
 * The schema rules against flyctl's own verdicts on 276 real-world configs and flyctl's fixtures
 * (test/data/corpus/real-world, test/data/flyctl-fixtures recursively):
 *   1. a config flyctl loads gets no error from the schema rules;
 *   2. every key `fly config validate --strict` flags gets an unknown-key, deprecated or key-case
 *      finding on its line;
 *   3. a config flyctl cannot load because of a type or shape gets an error on the line that
 *      causes it.
 * The figures are printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tomlFiles } from '../support/toml-files.js';
import { describe, expect, it } from 'vitest';
import unknownKey from '../../rules/unknown-key.js';
import invalidType from '../../rules/invalid-type.js';
import invalidValue from '../../rules/invalid-value.js';
import missingRequired from '../../rules/missing-required.js';
import deprecated from '../../rules/deprecated.js';
import keyCase from '../../rules/key-case.js';
import { runRules } from './run-rule.js';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';

const RULES = [unknownKey, invalidType, invalidValue, missingRequired, deprecated, keyCase];
const STRICT_RULES = new Set(['unknown-key', 'deprecated', 'key-case']);

interface Verdict {
  loads: boolean;
  load_error: string | null;
  valid: boolean | null;
  validate_messages: string[];
  strict_keys: Record<string, string[]>;
  strict_sections: string[];
}

/** The fixtures INDEX.md describes but flyctl-verdicts.json does not hold (extra/…): loads? and the error. */
function indexVerdicts(base: string): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  const index = join(base, 'INDEX.md');
  if (!existsSync(index)) return out;
  for (const line of readFileSync(index, 'utf8').split('\n')) {
    const row = /^\| `(extra\/[^`]+)` \| ([^|]+) \| ([^|]+) \|/.exec(line);
    if (!row) continue;
    const loads = !row[2]!.includes('**no**');
    const error = /`([^`]+)`/.exec(row[3]!)?.[1] ?? null;
    out[row[1]!] = { loads, load_error: loads ? null : error, valid: !row[3]!.includes('**invalid**'), validate_messages: [], strict_keys: {}, strict_sections: [] };
  }
  return out;
}

interface Case {
  name: string;
  text: string;
  verdict: Verdict;
  findings: ReturnType<typeof runRules>;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const base of [corpusDir, flyctlFixturesDir]) {
    const verdicts = { ...indexVerdicts(base), ...(JSON.parse(readFileSync(join(base, 'flyctl-verdicts.json'), 'utf8')) as Record<string, Verdict>) };
    for (const path of tomlFiles(base)) {
      const name = relative(base, path);
      const verdict = verdicts[name];
      if (!verdict) continue;
      const text = readFileSync(path, 'utf8');
      out.push({ name, text, verdict, findings: runRules(RULES, text) });
    }
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines where a key is written in a section: `key =`, a dotted `key.`, or a `[section.key]` header. */
function linesOfKey(text: string, section: string, key: string): number[] {
  const bare = section.replace(/\[\d+\]/g, '');
  const pattern = new RegExp(`^\\s*(["']?)${escape(key)}\\1\\s*[=.]|^\\s*\\[+\\s*${escape(bare)}\\.${escape(key)}\\s*\\]`);
  return text.split(/\r?\n/).flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}

function linesOfSection(text: string, section: string): number[] {
  const pattern = new RegExp(`^\\s*(\\[+\\s*${escape(section)}\\s*[\\].]|${escape(section)}\\s*[=.])`);
  return text.split(/\r?\n/).flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}

/** flyctl's load errors that come from a type or a shape (not from TOML syntax). */
const TYPE_OR_SHAPE = /cannot unmarshal|Unknown type|Can not convert|could not cast|of unknown type|invalid autostop|invalid persist_rootfs|unknown duration type|Unknown value|unsupported value/;

describe('schema rules against flyctl\'s verdicts', () => {
  const all = cases();

  it('reads the corpus and the fixtures', () => {
    expect(all.length).toBeGreaterThanOrEqual(276 + 40);
  });

  it('reports no error on a config flyctl loads', () => {
    const loading = all.filter((c) => c.verdict.loads && !c.verdict.load_error && !c.verdict.validate_messages.some((m) => /can not flatten/.test(m)));
    const valid = loading.filter((c) => c.verdict.valid !== false);
    // missing-required's errors are the deploy's (§5.3: the Machines API wants an internal port, a
    // volume name): flyctl loads those configs and fails later.
    const withError = loading.filter((c) => c.findings.some((f) => f.severity === 'error' && f.ruleId !== 'missing-required'));
    console.log(`[schema figure 1] configs flyctl loads: ${loading.length} (${valid.length} also valid); with an error from the schema rules: ${withError.length}`);
    for (const c of withError) {
      const f = c.findings.find((x) => x.severity === 'error' && x.ruleId !== 'missing-required')!;
      console.log(`  ${c.name}:${lineOf(c.text, f.report.range[0])} ${f.ruleId}: ${f.message}`);
    }
    expect(withError.map((c) => c.name)).toEqual([]);
  });

  it('flags every key fly config validate --strict flags, on its line', () => {
    const missed: string[] = [];
    let total = 0;
    for (const c of all) {
      const flagged = new Set(c.findings.filter((f) => STRICT_RULES.has(f.ruleId)).map((f) => lineOf(c.text, f.report.range[0])));
      const expectations = [
        ...Object.entries(c.verdict.strict_keys).flatMap(([section, keys]) => keys.map((key) => ({ what: `[${section}] ${key}`, lines: linesOfKey(c.text, section, key) }))),
        ...c.verdict.strict_sections.map((section) => ({ what: `section ${section}`, lines: linesOfSection(c.text, section) })),
      ];
      for (const e of expectations) {
        total++;
        if (e.lines.length === 0 || !e.lines.some((l) => flagged.has(l))) missed.push(`${c.name}: ${e.what} (lines ${e.lines.join(',')})`);
      }
    }
    console.log(`[schema figure 2] keys and sections --strict flags: ${total}; flagged on their line: ${total - missed.length}`);
    for (const m of missed) console.log(`  missed ${m}`);
    expect(total).toBeGreaterThan(80);
    expect(missed).toEqual([]);
  });

  it('reports an error on the line of every type or shape flyctl cannot load', () => {
    const rejected = all
      .map((c) => ({ c, error: [c.verdict.load_error ?? '', ...c.verdict.validate_messages].find((m) => TYPE_OR_SHAPE.test(m)) }))
      .filter((x): x is { c: Case; error: string } => x.error !== undefined);
    const missed = rejected.filter(({ c, error }) => {
      // The line that causes it names the quoted value, or the key the message names.
      const words = [...error.matchAll(/'([^']+)'/g)].map((m) => m[1]!).concat(error.match(/\b[a-z_]{4,}\b/g) ?? []);
      const errorLines = c.findings.filter((f) => f.severity === 'error').map((f) => c.text.split('\n')[lineOf(c.text, f.report.range[0]) - 1]!);
      return !errorLines.some((line) => words.some((w) => line.includes(w)));
    });
    console.log(`[schema figure 3] configs flyctl cannot load for a type or shape: ${rejected.length}; caught with an error on that line: ${rejected.length - missed.length}`);
    for (const { c, error } of missed) console.log(`  missed ${c.name}: ${error}`);
    expect(rejected.length).toBeGreaterThanOrEqual(2);
    expect(missed.map((x) => x.c.name)).toEqual([]);
  });

  it('counts each schema rule\'s findings over the corpus', () => {
    const counts = new Map<string, number>();
    for (const c of all) for (const f of c.findings) counts.set(`${f.ruleId} (${f.severity})`, (counts.get(`${f.ruleId} (${f.severity})`) ?? 0) + 1);
    console.log(`[schema counts] ${[...counts].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    expect(counts.size).toBeGreaterThan(0);
  });
});

describe('no double reports with the rules that own a value', () => {
  const SCHEMA = new Set(RULES.map((r) => r.meta.id));
  const text = [
    'app = "shop"',
    'console_command = "bin/console \'unbalanced"',
    '[deploy]',
    'strategy = "rollin"',
    'wait_timeout = 300',
    'release_command = "migrate \'oops"',
    '[processes]',
    'app = "run \'oops"',
    '[[vm]]',
    'size = "shared-cpu-3x"',
    '[[vm]]',
    'cpu_kind = "fast"',
    '[[vm]]',
    'memory = "0"',
    'cpus = 3',
    '[[mounts]]',
    'source = "data"',
    'destination = "/data"',
    'snapshot_retention = 90',
    'initial_size = "500mb"',
    'auto_extend_size_threshold = 10',
    'auto_extend_size_increment = "abc"',
    '[checks.alive]',
    'type = "htp"',
    'interval = "1s"',
    'timeout = "90s"',
    '[http_service]',
    'internal_port = 8080',
    '[[http_service.checks]]',
    'interval = 10000',
    '',
  ].join('\n');

  it('reports each value once', async () => {
    const { lintText } = await import('../../server/src/index.js');
    const findings = lintText(text, { filePath: '/project/fly.toml' });
    const others = findings.filter((f) => !SCHEMA.has(f.ruleId) && f.ruleId !== 'unknown-process');
    const doubled = findings.filter((f) => SCHEMA.has(f.ruleId) && others.some((o) => o.range[0] < f.range[1] && f.range[0] < o.range[1] && o.severity !== 'info'));
    // The owners did report these values: the check has something to compare against.
    expect(others.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['deploy-strategy', 'vm-sizing', 'invalid-mount', 'check-timing', 'invalid-command', 'ambiguous-duration']));
    expect(doubled.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
